import { describe, expect, test } from "vitest";
import { countLinks, linkDomains, renderCommentMarkdown } from "./render";

describe("comment Markdown subset", () => {
  test("keeps emphasis, code, quotes and lists", async () => {
    const html = await renderCommentMarkdown(
      "*em* **strong** `code`\n\n> quoted\n\n- one\n- two\n\n```js\nlet a = 1;\n```",
    );
    expect(html).toContain("<em>em</em>");
    expect(html).toContain("<strong>strong</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<pre><code class="language-js">let a = 1;');
  });

  test("links get nofollow ugc noopener and keep only http(s) and mailto", async () => {
    const html = await renderCommentMarkdown("[site](https://example.com) [mail](mailto:a@example.com)");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain('<a href="mailto:a@example.com" rel="nofollow ugc noopener">mail</a>');
  });

  test.each([
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](vbscript:msgbox(1))",
  ])("a dangerous scheme is dropped: %s", async (markdown) => {
    const html = await renderCommentMarkdown(markdown);
    expect(html).not.toMatch(/href=/);
    expect(html).not.toMatch(/javascript|data:|vbscript/i);
  });

  test("raw HTML, scripts and event handlers are inert text", async () => {
    const html = await renderCommentMarkdown(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> <a href="javascript:x" onclick="y">z</a>',
    );
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain("&#x3C;script>");
  });

  test("no images and no headings", async () => {
    const html = await renderCommentMarkdown("# Big\n\n![alt text](https://example.com/x.png)");
    expect(html).toBe("<p>Big</p>\n<p>alt text</p>");
  });

  test("counts links and their domains", () => {
    expect(countLinks("see https://a.example and [b](http://www.b.example/x) or www.c.example")).toBe(3);
    expect(linkDomains("https://A.example/x http://www.b.example")).toEqual(["a.example", "b.example"]);
  });
});
