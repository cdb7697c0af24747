// RSS 2.0 written straight to a string: what the `feed` package's rss2() writes for the
// options feeds.ts gives it, byte for byte (rss.test.ts compares the two), without its
// detour through an object tree and xml-js, which was a fifth of the CPU of an uncached
// /rss.xml (issue 16). Atom and JSON Feed still come from the package.

export type RssItem = {
  title: string;
  link: string;
  published: Date;
  description: string;
  content?: string;
  authorName: string;
  image?: string;
};

export type RssChannel = {
  title: string;
  link: string;
  description: string;
  updated: Date;
  language: string;
  generator: string;
  copyright: string;
  self: string;
  items: RssItem[];
};

// As xml-js writes text: an "&amp;" already there is kept, not doubled.
const text = (value: string) =>
  value.replace(/&amp;/g, "&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cdata = (value: string) => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const attribute = (value: string) => value.replace(/"/g, "&quot;");
/** A URL as the package writes it: normalised by the URL parser, its ampersands escaped. */
const url = (value: string) => new URL(value).toString().replace(/&/g, "&amp;");

function enclosure(image: string): string {
  const href = url(image);
  const type = new URL(href).pathname.split(".").slice(-1)[0];
  return `<enclosure url="${attribute(href)}" length="0" type="image/${attribute(type!)}"/>`;
}

function item(entry: RssItem): string {
  const lines = [
    `<title>${cdata(entry.title)}</title>`,
    `<link>${text(url(entry.link))}</link>`,
    `<guid isPermaLink="false">${text(entry.link)}</guid>`,
    `<pubDate>${entry.published.toUTCString()}</pubDate>`,
    ...(entry.description ? [`<description>${cdata(entry.description)}</description>`] : []),
    ...(entry.content ? [`<content:encoded>${cdata(entry.content)}</content:encoded>`] : []),
    ...(entry.authorName ? [`<author>${text(entry.authorName)}</author>`] : []),
    ...(entry.image ? [enclosure(entry.image)] : []),
  ];
  return `        <item>\n${lines.map((line) => `            ${line}\n`).join("")}        </item>`;
}

export function rss2(channel: RssChannel): string {
  const namespaces = channel.items.some((entry) => entry.content)
    ? ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    : "";
  const head = [
    `<title>${text(channel.title)}</title>`,
    `<link>${text(url(channel.link))}</link>`,
    `<description>${text(channel.description)}</description>`,
    `<lastBuildDate>${channel.updated.toUTCString()}</lastBuildDate>`,
    "<docs>https://validator.w3.org/feed/docs/rss2.html</docs>",
    `<generator>${text(channel.generator)}</generator>`,
    `<language>${text(channel.language)}</language>`,
    `<copyright>${text(channel.copyright)}</copyright>`,
    `<atom:link href="${attribute(url(channel.self))}" rel="self" type="application/rss+xml"/>`,
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0"${namespaces} xmlns:atom="http://www.w3.org/2005/Atom">`,
    "    <channel>",
    ...head.map((line) => `        ${line}`),
    ...channel.items.map(item),
    "    </channel>",
    "</rss>",
  ].join("\n");
}
