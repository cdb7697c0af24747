import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { can, hasRole, ownershipScope } from "./authz";

const staff = (role: Role, id = 1) => ({ id, role });
const mine = { ownerId: 1 };
const theirs = { ownerId: 2 };

describe("the role table (PRODUCT.md)", () => {
  it("lets contributors write their own drafts but never publish", () => {
    expect(can(staff("contributor"), "post.create")).toBe(true);
    expect(can(staff("contributor"), "post.edit", mine)).toBe(true);
    expect(can(staff("contributor"), "post.edit", theirs)).toBe(false);
    expect(can(staff("contributor"), "post.publish", mine)).toBe(false);
    expect(ownershipScope(staff("contributor"), "post.publish")).toBeNull();
  });

  it("lets authors publish and moderate only their own", () => {
    expect(can(staff("author"), "post.publish", mine)).toBe(true);
    expect(can(staff("author"), "post.publish", theirs)).toBe(false);
    expect(can(staff("author"), "comment.moderate", theirs)).toBe(false);
    expect(ownershipScope(staff("author", 7), "post.edit")).toBe(7);
    expect(can(staff("author"), "tag.manage")).toBe(false);
  });

  it("lets editors act on everyone's content but not on users or settings", () => {
    expect(can(staff("editor"), "post.publish", theirs)).toBe(true);
    expect(can(staff("editor"), "comment.moderate", theirs)).toBe(true);
    expect(ownershipScope(staff("editor"), "post.delete")).toBe("all");
    expect(can(staff("editor"), "user.manage")).toBe(false);
    expect(can(staff("editor"), "settings.manage")).toBe(false);
  });

  it("keeps ownership transfer to the owner", () => {
    expect(can(staff("admin"), "settings.manage")).toBe(true);
    expect(can(staff("admin"), "owner.transfer")).toBe(false);
    expect(can(staff("owner"), "owner.transfer")).toBe(true);
  });

  it("refuses everything to nobody", () => {
    expect(can(null, "post.create")).toBe(false);
    expect(hasRole(undefined, "contributor")).toBe(false);
    expect(hasRole(staff("editor"), "author")).toBe(true);
    expect(hasRole(staff("author"), "editor")).toBe(false);
  });
});
