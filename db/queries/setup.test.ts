import { beforeAll, describe, expect, it } from "vitest";
import { migratedDb } from "@/test/helpers";
import { getPublishedBySlug, listPublishedPosts } from "./posts";
import { getSettings } from "./settings";
import { setupSite } from "./setup";
import { countStaff } from "./users";

const site = (email: string) => ({
  siteTitle: "Field Notes",
  owner: { email, name: "Ada Lovelace", passwordHash: "$argon2id$fake", slugBase: "ada-lovelace" },
  starterContent: [
    {
      type: "post" as const,
      title: "Welcome",
      slug: "welcome",
      markdown: "Hi",
      html: "<p>Hi</p>",
      status: "published" as const,
      publishedAt: new Date(),
    },
    {
      type: "page" as const,
      title: "About",
      slug: "about",
      markdown: "Us",
      html: "<p>Us</p>",
      status: "published" as const,
      publishedAt: new Date(),
    },
  ],
});

describe("setupSite", () => {
  beforeAll(() => migratedDb());

  it("of two setups at once, exactly one creates the owner, the title and the starter content", async () => {
    const results = await Promise.all([setupSite(site("Ada@Example.com")), setupSite(site("Mallory@Example.com"))]);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "already_setup" }]);
    const created = results.find((result) => result.ok);
    expect(created).toMatchObject({ ok: true, user: { role: "owner", slug: "ada-lovelace" } });
    expect(created?.ok && created.user.email).toMatch(/^(ada|mallory)@example\.com$/); // stored in lower case
    expect(await countStaff()).toBe(1);
    expect((await getSettings()).title).toBe("Field Notes");
    expect((await listPublishedPosts({ limit: 10 })).map((post) => post.title)).toEqual(["Welcome"]);
    expect(await getPublishedBySlug({ slug: "about" })).toMatchObject({ type: "page", title: "About" });
  });

  it("never creates a second owner", async () => {
    expect(await setupSite(site("mallory@example.com"))).toEqual({ ok: false, reason: "already_setup" });
    expect(await countStaff()).toBe(1);
  });
});
