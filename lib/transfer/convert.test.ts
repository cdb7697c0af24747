// The shortcuts of the import's conversion give what the full pipelines give.
import { describe, expect, test } from "vitest";
import { renderCommentMarkdown } from "../comments/render";
import { renderPostMarkdown } from "../markdown/render";
import { commentHtmlToMarkdown, convertComment, htmlToText, renderedText } from "./convert";

// A small deterministic generator: the same cases every run.
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const PIECES = [
  "word",
  "Émile",
  "naïve",
  "日本語",
  "Ünïcödé",
  "x",
  "42",
  "3.14",
  ",",
  ".",
  ";",
  "!",
  "?",
  "'",
  "’",
  '"',
  "(",
  ")",
  "-",
  "--",
  " ",
  "  ",
  "\n",
  "*",
  "_",
  "`",
  "[",
  "]",
  "#",
  ">",
  "<",
  "&",
  "&amp;",
  "1.",
  "+",
  "=",
  "~",
  "|",
  "\\",
  ":",
  "http://example.com",
  "www.example.com",
  "e\u0301",
  "\u00a0",
];

function randomText(next: () => number): string {
  const length = 1 + Math.floor(next() * 12);
  return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.7 ? " " : "");
}

/** The full path, as the import ran it before the shortcut. */
async function slow(html: string, markdown?: string) {
  const source = markdown ?? (await commentHtmlToMarkdownSlow(html));
  return { markdown: source, html: await renderCommentMarkdown(source) };
}

// commentHtmlToMarkdown takes the shortcut itself; the slow path is reached with a
// wrapper the shortcut never accepts (a <div>), which Turndown treats as a paragraph.
async function commentHtmlToMarkdownSlow(html: string) {
  return commentHtmlToMarkdown(html.includes("<") ? `<div>${html}</div>` : `<div>${html.replace(/\n/g, "<br>")}</div>`);
}

describe("plain comments skip the parsers and come out the same", () => {
  test("paragraphs of plain words, as blog exports hold them", async () => {
    for (const html of [
      "<p>Nice post, thanks.</p>",
      "<p>First paragraph here.</p>\n<p>Second one (with brackets) - and a dash!</p>",
      "<p>It’s “fine” isn't it? Yes; quite.</p>",
      "  <p>  spaced   out \n text </p>  ",
      "Just a line of text",
      "<p>Café naïve Ünïcödé 日本語 42 times.</p>",
    ]) {
      expect(await convertComment(html, undefined, renderCommentMarkdown)).toEqual(await slow(html));
    }
  });

  test("generated comments: shortcut or not, the result is the full pipeline's", async () => {
    const next = rng(13);
    let shortcuts = 0;
    for (let i = 0; i < 600; i++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () => randomText(next));
      const html = next() < 0.8 ? paragraphs.map((p) => `<p>${p}</p>`).join("\n") : paragraphs[0]!;
      const expected = await slow(html);
      const fast = await convertComment(html, undefined, renderCommentMarkdown);
      expect(fast, html).toEqual(expected);
      const rendered = await convertComment("", fast.markdown, renderCommentMarkdown);
      expect(rendered, fast.markdown).toEqual({ markdown: fast.markdown, html: expected.html });
      if (/^<p>[^<]*<\/p>$/.test(expected.html.split("\n")[0]!)) shortcuts++;
    }
    // Enough of them are plain for the shortcut to have been taken many times.
    expect(shortcuts).toBeGreaterThan(100);
  });

  test("anything else goes through the full conversion", async () => {
    const html = '<p>A <a href="https://example.com">link</a> and *stars* &amp; <script>x</script></p>';
    const converted = await convertComment(html, undefined, renderCommentMarkdown);
    expect(converted.html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">link</a>');
    expect(converted.markdown).toContain("\\*stars\\*");
    expect(converted.html).not.toContain("script");
  });
});

describe("the text of rendered HTML", () => {
  test("reads as a parser reads it", async () => {
    const markdown = [
      "# Title with *emphasis* and `code`",
      "A paragraph with [a link](https://example.com/?a=1&b=2), **bold**, ~~gone~~ and <tags> & entities: &copy; 5 < 6.",
      "- one\n- two\n  - nested",
      "> quoted text",
      '```js\nconst a = "<b>" && 1;\n```',
      "| a | b |\n|---|---|\n| cell one | cell two |",
      "![alt > text](https://example.com/x.png) after the image",
      "Line one  \nline two",
    ].join("\n\n");
    const { html } = await renderPostMarkdown(markdown);
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(words(renderedText(html))).toBe(htmlToText(html));
  });
});
