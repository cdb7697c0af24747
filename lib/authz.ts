import type { Role } from "@/db/schema";

// PRODUCT.md's role table. A higher role can do everything a lower one can.
const RANK: Record<Role, number> = { contributor: 1, author: 2, editor: 3, admin: 4, owner: 5 };

export function hasRole(user: { role: Role } | null | undefined, minimum: Role): boolean {
  return !!user && RANK[user.role] >= RANK[minimum];
}

export type Action =
  | "post.create"
  | "post.edit"
  | "post.publish"
  | "post.delete"
  | "comment.moderate"
  | "tag.manage"
  | "media.upload"
  | "media.delete"
  | "user.manage"
  | "settings.manage"
  | "audit.read"
  | "owner.transfer";

type Rule = { anyone: Role; own?: Role };

// `anyone`: the lowest role that may act on everyone's content;
// `own`: the lowest role that may act on its own (posts they wrote, comments on them).
const RULES: Record<Action, Rule> = {
  "post.create": { anyone: "contributor" },
  "post.edit": { anyone: "editor", own: "contributor" },
  "post.publish": { anyone: "editor", own: "author" },
  "post.delete": { anyone: "editor", own: "contributor" },
  "comment.moderate": { anyone: "editor", own: "author" },
  "tag.manage": { anyone: "editor" },
  "media.upload": { anyone: "contributor" },
  "media.delete": { anyone: "editor", own: "contributor" },
  "user.manage": { anyone: "admin" },
  "settings.manage": { anyone: "admin" },
  "audit.read": { anyone: "admin" },
  "owner.transfer": { anyone: "owner" },
};

/**
 * Whoever a permission is asked for: a signed-in staff member, or an Admin API
 * integration acting as its creator. (Who is named in the audit log is another thing:
 * `Actor` in db/queries/post-scope.ts.)
 */
export type RoleHolder = { id: number; role: Role };

/** The lowest role that may do `action` at all (on its own things, when the rule has an `own`). */
export function minimumRole(action: Action): Role {
  const rule = RULES[action];
  return rule.own ?? rule.anyone;
}

/** May `user` do `action`, on a resource owned by `ownerId` when one is given? */
export function can(user: RoleHolder | null | undefined, action: Action, resource?: { ownerId: number }): boolean {
  if (!user) return false;
  const rule = RULES[action];
  if (hasRole(user, rule.anyone)) return true;
  if (!rule.own || !resource) return false;
  return resource.ownerId === user.id && hasRole(user, rule.own);
}

/**
 * The ownership condition for a query: `"all"` when the role reaches every row,
 * the user's id when only their own rows, `null` when none. Put the id into the
 * SQL WHERE; never leave the condition out when it is a number.
 */
export function ownershipScope(user: RoleHolder, action: Action): "all" | number | null {
  const rule = RULES[action];
  if (hasRole(user, rule.anyone)) return "all";
  if (rule.own && hasRole(user, rule.own)) return user.id;
  return null;
}
