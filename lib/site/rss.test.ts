import { Feed } from "feed";
import { describe, expect, test } from "vitest";
import { type RssChannel, rss2 } from "./rss";

// What feeds.ts handed the feed package before rss.ts wrote RSS itself: the same answer.
function throughPackage(channel: RssChannel): string {
  const feed = new Feed({
    id: channel.link,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: channel.language,
    updated: channel.updated,
    generator: channel.generator,
    copyright: channel.copyright,
    feedLinks: { rss: channel.self },
  });
  for (const item of channel.items) {
    feed.addItem({
      id: item.link,
      guid: item.link,
      link: item.link,
      title: item.title,
      date: new Date(0),
      published: item.published,
      description: item.description,
      content: item.content,
      author: [{ name: item.authorName, link: "https://example.com/author/x" }],
      ...(item.image ? { image: item.image } : {}),
    });
  }
  return feed.rss2();
}

const channel: RssChannel = {
  title: 'Tom & Jerry <"quoted"> &amp; co',
  link: "https://example.com/tag/café/",
  description: "Posts about a < b & c > d",
  updated: new Date("2026-03-01T10:00:00Z"),
  language: "en",
  generator: "Quire",
  copyright: "© Tom & Jerry",
  self: "https://example.com/tag/café/rss.xml?x=1&y=2",
  items: [
    {
      title: "Fish & <chips>",
      link: "https://example.com/fish-&-chips",
      published: new Date("2026-02-27T08:30:00Z"),
      description: "An excerpt with & and <b>",
      content: '<p>Body with <a href="https://example.com/a?b=1&amp;c=2">a link</a> and ]]> once</p>',
      authorName: "Ann & Bob",
      image: "https://example.com/media/a b.jpg?w=1&h=2",
    },
    {
      title: "No excerpt, no body, no image",
      link: "https://example.com/plain",
      published: new Date("2026-01-01T00:00:00Z"),
      description: "",
      authorName: "Ann",
    },
  ],
};

describe("rss2", () => {
  test("writes what the feed package wrote, escapes included", () => {
    expect(rss2(channel)).toBe(throughPackage(channel));
  });

  test("an empty feed and one without full content match too", () => {
    expect(rss2({ ...channel, items: [] })).toBe(throughPackage({ ...channel, items: [] }));
    const summaries = { ...channel, items: channel.items.map((item) => ({ ...item, content: undefined })) };
    expect(rss2(summaries)).toBe(throughPackage(summaries));
  });

  test("a second ]]> in a body cannot end the CDATA section early", () => {
    const xml = rss2({ ...channel, items: [{ ...channel.items[0]!, content: "a]]>b]]>c" }] });
    expect(xml).toContain("<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>");
  });
});
