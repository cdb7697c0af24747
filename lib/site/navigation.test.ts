import { beforeAll, describe, expect, it } from "vitest";
import { setupSite } from "@/db/queries/setup";
import { migratedDb } from "@/test/helpers";
import { postSlugOf } from "./navigation";
import { navigationLinks } from "./reader";

const db = migratedDb();
const addPage = (slug: string, status: "draft" | "published") =>
  db.$client
    .prepare(
      "INSERT INTO posts (type, title, slug, markdown, html, status, author_id, published_at) VALUES ('page', ?, ?, 'x', '<p>x</p>', ?, 1, ?)",
    )
    .run(slug, slug, status, Date.now() - 1000);

describe("the header navigation", () => {
  beforeAll(async () => {
    // A site set up without the starter About page, the default navigation untouched.
    const result = await setupSite({
      siteTitle: "Bare",
      owner: { email: "ada@example.com", name: "Ada", passwordHash: "$argon2id$fake", slugBase: "ada" },
      starterContent: [],
    });
    expect(result.ok).toBe(true);
  });

  it("shows no link to an About page that does not exist", async () => {
    expect(await navigationLinks()).toEqual([{ label: "Home", url: "/" }]);
  });

  it("shows no link to a page that is only a draft", async () => {
    addPage("about", "draft");
    expect((await navigationLinks()).map((link) => link.label)).toEqual(["Home"]);
  });

  it("shows the link once the page is published", async () => {
    db.$client.prepare("UPDATE posts SET status = 'published' WHERE slug = 'about'").run();
    expect(await navigationLinks()).toEqual([
      { label: "Home", url: "/" },
      { label: "About", url: "/about" },
    ]);
  });
});

describe("postSlugOf", () => {
  it("names the slug of a one-segment site path, with or without a fragment", () => {
    expect(postSlugOf("/about")).toBe("about");
    expect(postSlugOf("/about/#team")).toBe("about");
    expect(postSlugOf("/caf%C3%A9")).toBe("café");
  });

  it("leaves the site's own routes, deeper paths and other hosts alone", () => {
    for (const url of [
      "/",
      "/archive",
      "/search?q=x",
      "/rss.xml",
      "/tag/news",
      "https://example.com/about",
      "/%E0%A4%A",
    ])
      expect(postSlugOf(url)).toBeNull();
  });
});
