import { describe, expect, it } from "vitest";
import { renderCommentMarkdown } from "../comments/render";
import { renderPostMarkdown } from "./render";
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from "./limits";
import { postFieldsSchema, previewSchema } from "../validations/post";
import { postCommentSchema } from "../validations/comment";

// Each of these overflowed remark's stack or took seconds before the limit (issue 6, point 6).
const HOSTILE: Record<string, string> = {
  "10,000 nested quotes": `${">".repeat(10_000)} deep`,
  "spaced nested quotes": `${"> ".repeat(5_000)}deep`,
  "nested bullet lists": `${"- ".repeat(5_000)}x`,
  "nested ordered lists": `${"1. ".repeat(5_000)}x`,
  "quotes and lists": `${"> - ".repeat(3_000)}x`,
  "emphasis delimiters": `${"*".repeat(10_000)}x${"*".repeat(10_000)}`,
  "mixed delimiters": `${"*_~".repeat(3_000)}x`,
  "links in link text": `${"[".repeat(10_000)}x${"](y)".repeat(10_000)}`,
};

describe("markdown nesting limit", () => {
  // How quickly is measured by e2e/hostile/input-limits.spec.ts and reported, not asserted here.
  it.each(Object.entries(HOSTILE))("refuses %s in the schema and in both renderers", async (_name, markdown) => {
    expect(markdownTooDeep(markdown)).toBe(true);
    await expect(renderPostMarkdown(markdown)).rejects.toThrow(MARKDOWN_TOO_DEEP);
    await expect(renderCommentMarkdown(markdown.slice(0, 20_000))).rejects.toThrow(MARKDOWN_TOO_DEEP);
  });

  it("names the field in the post, preview and comment validations", () => {
    const markdown = HOSTILE["10,000 nested quotes"]!;
    expect(
      postFieldsSchema.safeParse({ title: "T", markdown }).error?.issues.map((i) => [i.path[0], i.message]),
    ).toEqual([["markdown", MARKDOWN_TOO_DEEP]]);
    expect(previewSchema.safeParse({ markdown }).error?.issues[0]?.message).toBe(MARKDOWN_TOO_DEEP);
    expect(
      postCommentSchema
        .safeParse({ postId: 1, body: markdown.slice(0, 20_000) })
        .error?.issues.map((i) => [i.path[0], i.message]),
    ).toEqual([["body", MARKDOWN_TOO_DEEP]]);
  });

  it("leaves ordinary prose alone: a few levels, thematic breaks, escaped brackets, many links", async () => {
    const ordinary = [
      "> quoted\n>> twice\n>>> three times",
      "- a\n  - b\n    - c",
      "***\n\n___\n\n" + "*".repeat(60),
      "\\[".repeat(100) + " escaped",
      "**bold** and _em_ and ~~gone~~ and ***both***",
      Array.from({ length: 500 }, (_, i) => `[link ${i}](https://example.com/${i})`).join(" "),
    ];
    for (const markdown of ordinary) expect(markdownTooDeep(markdown), markdown.slice(0, 40)).toBe(false);
    const { html } = await renderPostMarkdown(ordinary[0]!);
    expect(html.match(/<blockquote>/g)).toHaveLength(3);
  });
});
