import "server-only";
import { write } from "../transaction";
import type { NewPost } from "../schema";
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
 * The staff count is read inside the IMMEDIATE transaction, so of two racing
 * requests exactly one creates an owner.
 */
export function setupSite({ siteTitle, owner, starterContent }: SiteSetup) {
  return write(async (tx) => {
    if (countStaff(tx) > 0) return { ok: false as const, reason: "already_setup" as const };
    const user = await insertUser(tx, { ...owner, role: "owner" });
    saveSettings(tx, { title: siteTitle });
    for (const post of starterContent) await insertPost(tx, { ...post, authorId: user.id });
    recordAudit(tx, {
      actorId: user.id,
      actorLabel: user.name,
      action: "site.setup",
      targetType: "user",
      targetId: user.id,
    });
    return { ok: true as const, user };
  });
}
