import { afterAll, describe, expect, it } from "vitest";
import { MARKDOWN_TOO_DEEP } from "../markdown/limits";
import { convertBody } from "./convert";
import { ConvertPool } from "./convert-pool";

// The pool must give exactly what converting in this thread gives: the CLI imports with
// it, the server's import job without it, and both must store the same posts.
describe("ConvertPool", () => {
  const pool = new ConvertPool(2);
  afterAll(() => pool.close());

  const bodies = [
    `<h2>Intro</h2><p>Some <strong>bold</strong> words and <a href="https://example.org/">a link</a>.</p>`,
    `<blockquote><p>Quoted</p></blockquote><ul><li>one</li><li>two</li></ul><table><tr><th>a</th></tr><tr><td>1</td></tr></table>`,
    `<p>A video:</p><iframe src="https://video.example/embed/1"></iframe><script>alert(1)</script>`,
  ];

  it("converts HTML bodies as the in-process converter does, in the workers", async () => {
    const pooled = await Promise.all(bodies.map((body) => pool.convert("html", body)));
    for (const [i, body] of bodies.entries()) expect(pooled[i]).toEqual(await convertBody("html", body));
    expect(pooled[0]!.html).toContain("<strong>bold</strong>");
    expect(pooled[2]!.html).not.toContain("<script");
    expect(pooled[2]!.warnings).toContain("iframe kept as a link: https://video.example/embed/1");
  });

  // Not compared token for token: shiki stops tokenising a line past its time limit, which a
  // cold thread on a busy machine can reach, so the spans of one line may differ from run to run.
  it("highlights code in the workers", async () => {
    const { html } = await pool.convert("html", `<pre><code class="language-js">const x = 1;</code></pre>`);
    expect(html).toMatch(
      /^<pre class="shiki[^"]*"[^>]*><code><span class="line"><span style="--shiki-light:#[0-9A-F]+/,
    );
  });

  it("converts Markdown bodies and counts their words", async () => {
    const converted = await pool.convert("markdown", "# Title\n\nHello *world*.");
    expect(converted).toEqual(await convertBody("markdown", "# Title\n\nHello *world*."));
    expect(converted).toMatchObject({ words: 3, kept: 3 });
  });

  it("converts in the main thread what a dying worker had not finished", async () => {
    const single = new ConvertPool(1);
    try {
      const body = `<p>Survives <em>its worker</em>.</p>`;
      const pending = single.convert("html", body);
      // The test's way in to kill the worker mid-conversion (a body too large for its heap would).
      await (
        single as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }
      ).slots[0]!.worker.terminate();
      expect(await pending).toEqual(await convertBody("html", body));
      await expect(single.convert("html", "<p>after</p>")).resolves.toMatchObject({ plaintext: "after" });
    } finally {
      await single.close();
    }
  });

  it("rejects a body the renderer refuses with the renderer's message, and keeps working", async () => {
    await expect(pool.convert("markdown", `${">".repeat(40)} too deep`)).rejects.toThrow(MARKDOWN_TOO_DEEP);
    await expect(pool.convert("html", "<p>still here</p>")).resolves.toMatchObject({ plaintext: "still here" });
  });
});
