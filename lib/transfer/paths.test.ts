import { describe, expect, test } from "vitest";
import { oldPath } from "./paths";
import { autop } from "./shortcodes";

describe("old addresses", () => {
  test("repeated slashes collapse, so the path never reads as the URL of another host", () => {
    // As the Theme Unit Test writes one of its pages' links.
    expect(oldPath("https://wpthemetestdata.wordpress.com//greek/%ce%b5-2/")).toBe("/greek/%CE%B5-2");
    expect(oldPath("https://old.example/2019/05/slug/?p=1")).toBe("/2019/05/slug?p=1");
  });
});

describe("WordPress paragraphs (autop)", () => {
  test("a heading keeps its text instead of wrapping it in a paragraph of its own", () => {
    expect(autop("<h2>Title should not overflow</h2>\nA few things:\n<ul>\n<li>x</li>\n</ul>")).toBe(
      "<h2>Title should not overflow</h2>\n\n<p>A few things:</p>\n\n<ul>\n\n<li>x</li>\n\n</ul>",
    );
    expect(autop("Intro\n<h3 class='x'>Two\nlines</h3>\nAfter")).toBe(
      "<p>Intro</p>\n\n<h3 class='x'>Two lines</h3>\n\n<p>After</p>",
    );
  });
});
