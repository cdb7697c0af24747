import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setupSite } from "@/db/queries/setup";
import { posts } from "@/db/schema";
import { write } from "@/db/transaction";
import { migratedDb } from "@/test/helpers";
import { postSlugOf } from "./navigation";
import { navigationLinks } from "./reader";

migratedDb();
const addPage = (slug: string, status: "draft" | "published") =>
  write((db) =>
    db.insert(posts).values({
      type: "page",
      title: slug,
      slug,
      markdown: "x",
      html: "<p>x</p>",
      status,
      authorId: 1,
      publishedAt: new Date(Date.now() - 1000),
    }),
  );

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
    await addPage("about", "draft");
    expect((await navigationLinks()).map((link) => link.label)).toEqual(["Home"]);
  });

  it("shows the link once the page is published", async () => {
    await write((db) => db.update(posts).set({ status: "published" }).where(eq(posts.slug, "about")));
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
