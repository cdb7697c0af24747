import { beforeAll, describe, expect, test } from "vitest";
import { migratedDb } from "@/test/helpers";
import { auditLog, media, posts, users } from "../schema";
import { write } from "../transaction";
import { listAuditPage } from "./audit";
import { listMedia } from "./media";
import { listPostsForAdmin } from "./post-admin-list";

// Admin searches take what a person typed literally: "_" and "%" are characters
// to find, not LIKE wildcards, and "myXpost" is not a match for "my_post".
const NAMES = ["my_post", "myXpost", "50% off", "500 off", "plain"];

beforeAll(async () => {
  migratedDb();
  await write(async (db) => {
    const [author] = await db
      .insert(users)
      .values({ email: "o@example.com", name: "Owner", slug: "o", role: "owner", passwordHash: "x" })
      .returning();
    for (const [i, name] of NAMES.entries()) {
      await db.insert(posts).values({ title: `About ${name}`, slug: `post-${i}`, authorId: author!.id });
      await db
        .insert(media)
        .values({ storageKey: `2026/file-${i}.png`, originalName: `${name}.png`, mimeType: "image/png", size: 1 });
    }
    for (const action of ["user.password_reset", "user.passwordXreset", "50%.grant", "500.grant", "post.create"])
      await db.insert(auditLog).values({ actorLabel: "cli", action });
  });
});

const postSearch = (q: string) =>
  listPostsForAdmin({ type: "post", scope: { authorId: "all", statuses: "all" }, q, page: 1, perPage: 50 });

describe("admin search takes _ and % literally", () => {
  test("posts", async () => {
    expect((await postSearch("my_post")).rows.map((row) => row.title)).toEqual(["About my_post"]);
    expect((await postSearch("50%")).rows.map((row) => row.title)).toEqual(["About 50% off"]);
    expect((await postSearch("my_post")).total).toBe(1);
  });

  test("media", async () => {
    expect((await listMedia({ q: "my_post", page: 1, perPage: 50 })).rows.map((row) => row.originalName)).toEqual([
      "my_post.png",
    ]);
    const percent = await listMedia({ q: "50%", page: 1, perPage: 50 });
    expect(percent.rows.map((row) => row.originalName)).toEqual(["50% off.png"]);
    expect(percent.total).toBe(1);
  });

  test("the audit log (a prefix of the action)", async () => {
    const prefix = await listAuditPage({ action: "user.password_", page: 1, perPage: 50 });
    expect(prefix.rows.map((row) => row.action)).toEqual(["user.password_reset"]);
    const percent = await listAuditPage({ action: "50%", page: 1, perPage: 50 });
    expect(percent.rows.map((row) => row.action)).toEqual(["50%.grant"]);
    expect(percent.total).toBe(1);
    expect((await listAuditPage({ action: "user.", page: 1, perPage: 50 })).total).toBe(2);
  });
});
