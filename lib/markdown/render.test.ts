import { describe, expect, it } from "vitest";
import { countWords, deriveExcerpt, readingTime, renderPostMarkdown } from "./render";

describe("renderPostMarkdown", () => {
  it("renders Markdown with GFM and counts the words of the text", async () => {
    const result = await renderPostMarkdown(
      "# Title\n\nSome *emphasis* and a [link](https://example.com).\n\n- one\n- two",
    );
    expect(result.html).toContain("<h1>Title</h1>");
    expect(result.html).toContain('<a href="https://example.com">link</a>');
    expect(result.plaintext).toBe("Title Some emphasis and a link. one two");
    expect(result.wordCount).toBe(8);
  });

  it("drops raw HTML, event handlers and dangerous link schemes", async () => {
    const { html } = await renderPostMarkdown(
      "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [data](data:text/html,hi) ![i](javascript:alert(1))",
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

describe("code highlighting", () => {
  it("highlights fenced code for both colour schemes with CSS variables only", async () => {
    const { html } = await renderPostMarkdown("```ts\nconst answer: number = 42;\n```");
    expect(html).toContain('<pre class="shiki shiki-themes github-light-default github-dark-default"');
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]+;--shiki-dark:#[0-9A-Fa-f]+">const<\/span>/);
    expect(html).toContain("42");
  });

  it("keeps unknown languages and untagged blocks as escaped plain code", async () => {
    const { html } = await renderPostMarkdown("```nosuchlang\n<script>alert(1)</script>\n```\n\n```\nplain\n```");
    expect(html).not.toContain("<script");
    expect(html).toContain("&#x3C;script>");
    expect(html).toContain("plain");
  });

  it("still strips styles and classes that shiki did not write", async () => {
    const { html } = await renderPostMarkdown(
      '<span style="position:fixed" class="line">x</span>\n\n<pre style="color:red">y</pre>',
    );
    expect(html).not.toMatch(/position:fixed|color:red/);
  });
});

describe("uploaded images", () => {
  it("get a srcset of their resized copies", async () => {
    const { html } = await renderPostMarkdown("![A harbour at dawn](/media/2026/11/3f9a0c-w1600.png)");
    expect(html).toContain(
      'srcset="/media/2026/11/3f9a0c-640.webp 640w, /media/2026/11/3f9a0c-1280.webp 1280w, /media/2026/11/3f9a0c-w1600.png 1600w"',
    );
    expect(html).toContain('alt="A harbour at dawn"');
  });

  it("leave other images alone", async () => {
    const { html } = await renderPostMarkdown("![x](https://example.com/a-w1600.png)");
    expect(html).not.toContain("srcset");
  });
});
