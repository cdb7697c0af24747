import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures/test";
import { createPost, createTag } from "../fixtures/content";
import { unique } from "../fixtures/site";

async function readerPages() {
  const id = unique();
  const tag = await createTag({ name: `Tides ${id}`, description: "Where the sea goes twice a day." });
  const post = await createPost({
    title: `Spring tides ${id}`,
    tags: [tag.slug],
    featured: true,
    markdown: `Tides follow the **moon**; read [the tables](https://example.com).\n\n\`\`\`ts\n// heights in metres\nconst high: number = 4.2;\nexport function range(low: number) {\n  return high - low;\n}\n\`\`\`\n\n> Time and tide wait for no one.\n\n| port | high |\n| --- | --- |\n| Brest | 6.1 |\n\n- \`inline\` code\n- a list`,
  });
  return {
    tag,
    post,
    paths: [
      "/",
      `/${post.slug}`,
      `/tag/${tag.slug}`,
      `/search?q=tides%20${id}`,
      `/gone-with-the-tide-${id}`,
      "/archive",
    ],
  };
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on home, post, tag, search, 404 and archive (${scheme})`, async ({ page }) => {
    test.setTimeout(90_000); // six pages through axe: about 20 s on a quiet machine, over 50 s on a busy one
    const { paths } = await readerPages();
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    }
  });
}

test("reader pages and feeds set no cookie and load nothing from another host", async ({ page, request }) => {
  const { paths, tag } = await readerPages();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const foreign: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith("data:")) foreign.push(req.url());
  });
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.headers()["set-cookie"], path).toBeUndefined();
    await page.waitForLoadState("networkidle");
  }
  expect(foreign).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
  for (const path of [
    "/rss.xml",
    "/atom.xml",
    "/feed.json",
    `/tag/${tag.slug}/rss.xml`,
    "/sitemap.xml",
    "/robots.txt",
    "/og",
    "/page/2",
    "/no-such-page",
  ]) {
    const response = await request.get(path);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main#main")).toBeFocused();
});
