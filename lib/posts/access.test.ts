// The post scopes read lib/authz.ts's role table: PRODUCT.md's rules, as the SQL sees them.
import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { deleteScope, editScope, listScope, publishScope } from "./access";

const staff = (role: Role) => ({ id: 9, role });
const ALL = { authorId: "all", statuses: "all" };
const OWN = { authorId: 9, statuses: "all" };

describe("post scopes", () => {
  it("keep contributors to their own unpublished posts, and let them publish nothing", () => {
    const contributor = staff("contributor");
    expect(editScope(contributor)).toEqual({ authorId: 9, statuses: ["draft", "review"] });
    expect(deleteScope(contributor)).toEqual({ authorId: 9, statuses: ["draft", "review"] });
    expect(publishScope(contributor)).toBeNull();
    expect(listScope(contributor)).toEqual(OWN);
  });

  it("give authors their own posts in every status", () => {
    const author = staff("author");
    for (const scope of [editScope, deleteScope, publishScope, listScope]) expect(scope(author)).toEqual(OWN);
  });

  it("give editors and up everyone's posts", () => {
    for (const role of ["editor", "admin", "owner"] as const) {
      for (const scope of [editScope, deleteScope, publishScope, listScope]) expect(scope(staff(role))).toEqual(ALL);
    }
  });
});
