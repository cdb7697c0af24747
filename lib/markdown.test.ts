import { describe, expect, it } from "vitest";
import { countWords, deriveExcerpt, readingTime, renderPostMarkdown } from "./markdown";

describe("renderPostMarkdown", () => {
  it("renders Markdown with GFM and counts the words of the text", async () => {
    const result = await renderPostMarkdown("# Title\n\nSome *emphasis* and a [link](https://example.com).\n\n- one\n- two");
    expect(result.html).toContain("<h1>Title</h1>");
    expect(result.html).toContain('<a href="https://example.com">link</a>');
    expect(result.plaintext).toBe("Title Some emphasis and a link. one two");
    expect(result.wordCount).toBe(8);
  });

  it("drops raw HTML, event handlers and dangerous link schemes", async () => {
    const { html } = await renderPostMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [data](data:text/html,hi) ![i](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text/i);
    expect(html).toContain("click");
  });
});

describe("excerpts and reading time", () => {
  it("cuts long text at a word boundary", () => {
    const text = "word ".repeat(100).trim();
    const excerpt = deriveExcerpt(text, 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith("word…")).toBe(true);
  });

  it("reads at about 265 words a minute, at least one minute", () => {
    expect(readingTime(0)).toBe(1);
    expect(readingTime(1325)).toBe(5);
    expect(countWords("It’s a well-known fact: 42 words?")).toBe(6);
  });
});
