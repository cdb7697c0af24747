import "server-only";
import type { NewPost } from "../schema";
import { write } from "../transaction";
import { recordAudit } from "./audit";
import { insertPost } from "./posts";
import { saveSettings } from "./settings";
import { countStaff, insertUser, type NewStaffUser } from "./users";

type StarterContent = Omit<NewPost, "authorId">;

export type SiteSetup = {
  siteTitle: string;
  owner: Omit<NewStaffUser, "role">;
  starterContent: StarterContent[];
};

/**
 * First run: the owner, the site title and the starter content, all or nothing.
 * The staff count is read inside the same write(), so of two racing
 * requests exactly one creates an owner.
 */
export async function setupSite({ siteTitle, owner, starterContent }: SiteSetup) {
  return await write(async (db) => {
    if ((await countStaff(db)) > 0) return { ok: false as const, reason: "already_setup" as const };
    const user = await insertUser(db, { ...owner, role: "owner" });
    await saveSettings(db, { title: siteTitle });
    for (const post of starterContent) await insertPost(db, { ...post, authorId: user.id });
    await recordAudit(db, {
      actorId: user.id,
      actorLabel: user.name,
      action: "site.setup",
      targetType: "user",
      targetId: user.id,
    });
    return { ok: true as const, user };
  });
}
