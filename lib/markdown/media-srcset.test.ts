import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import rehypeMediaSrcset, { smallestCopyOf, srcsetFor } from "./media-srcset";

describe("srcset for uploaded images", () => {
  it("lists the WebP variants narrower than the original, then the original", () => {
    expect(srcsetFor("/media/2026/11/abc123-w1600.png")).toBe(
      "/media/2026/11/abc123-640.webp 640w, /media/2026/11/abc123-1280.webp 1280w, /media/2026/11/abc123-w1600.png 1600w",
    );
    expect(srcsetFor("/media/2026/11/abc123-w500.png")).toBeNull();
    expect(srcsetFor("https://example.com/media/x-w2000.png")).toBeNull();
    expect(srcsetFor("/media/../x-w2000.png")).toBeNull();
  });

  it("picks the smallest copy for list thumbnails, and nothing from another host", () => {
    expect(smallestCopyOf("/media/2026/11/abc123-w1600.png")).toBe("/media/2026/11/abc123-640.webp");
    expect(smallestCopyOf("/media/2026/11/abc123-w500.png")).toBe("/media/2026/11/abc123-w500.png");
    expect(smallestCopyOf("https://example.com/media/x-w2000.png")).toBeNull();
    expect(smallestCopyOf("//example.com/media/x-w2000.png")).toBeNull();
  });

  it("adds srcset after the sanitiser in the Markdown pipeline", async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkRehype)
        .use(rehypeSanitize)
        .use(rehypeMediaSrcset)
        .use(rehypeStringify)
        .process("![A fox](/media/2026/11/f0f0-w1300.jpg)"),
    );
    expect(html).toContain(
      'srcset="/media/2026/11/f0f0-640.webp 640w, /media/2026/11/f0f0-1280.webp 1280w, /media/2026/11/f0f0-w1300.jpg 1300w"',
    );
    expect(html).toContain('alt="A fox"');
  });
});
