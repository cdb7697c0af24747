import { expect, test } from "../fixtures/test";
import { createPost } from "../fixtures/content";
import { unique } from "../fixtures/site";

// The reader 404 is server-rendered: with JavaScript off (a text browser, a crawler that
// runs no scripts) it shows the site's header, the message and suggestions all the same.
test.use({ javaScriptEnabled: false });

test("with JavaScript disabled an unknown post, tag or nested address shows the reader 404 with suggestions", async ({
  page,
}) => {
  const id = unique();
  const post = await createPost({ title: `Lighthouse ${id} keepers`, markdown: "The lamp is lit at dusk." });
  for (const path of [`/lighthouse-${id}-gone`, `/tag/lighthouse-${id}`, `/lighthouse/${id}/keepers`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(
      page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Home" }),
      path,
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "Were you looking for one of these?" }), path).toBeVisible();
    await expect(page.getByRole("link", { name: post.title }), path).toBeVisible();
    await expect(page.getByLabel("Search the site"), path).toHaveValue(new RegExp(`lighthouse ${id}`));
  }
  // A suggestion is a plain link: it leads to the post.
  await page.getByRole("link", { name: post.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: post.title })).toBeVisible();
});

test("the reader 404 answers 404 in HTML of its own, without Next's client runtime", async ({ request }) => {
  const id = unique();
  for (const path of [`/nothing-${id}`, `/tag/nothing-${id}`, `/page/9999`, `/nothing/${id}/here`]) {
    const response = await request.get(path, { headers: { "user-agent": "Googlebot/2.1" } });
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).toContain("Page not found");
    expect(html, path).not.toContain('id="__next_error__"');
    expect(html, path).not.toMatch(/<script[^>]*src="\/_next\//);
    expect(html, path).not.toContain("self.__next_f");
    expect(response.headers()["x-quire-runtime"], path).toBe("none");
  }
});
