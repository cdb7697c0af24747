import { describe, expect, test } from "vitest";
import { buildThread, commentCountLabel, safeWebsite, type ThreadComment } from "./comment-thread";

const c = (id: number, parentId: number | null): ThreadComment => ({
  id,
  parentId,
  authorName: `n${id}`,
  authorUrl: null,
  staff: false,
  html: "",
  createdAt: new Date(id),
});

describe("buildThread", () => {
  test("nests three levels and flattens deeper replies under the third, in reply to their parent", () => {
    const roots = buildThread([c(1, null), c(2, 1), c(3, 2), c(4, 3), c(5, 4), c(6, null)]);
    expect(roots.map((n) => n.id)).toEqual([1, 6]);
    const level2 = roots[0]!.replies[0]!;
    expect(level2.id).toBe(2);
    expect(level2.replies.map((n) => [n.id, n.depth, n.replyTo?.id])).toEqual([
      [3, 2, undefined],
      [4, 2, 3],
      [5, 2, 4],
    ]);
  });

  test("a reply whose parent is not shown starts its own thread", () => {
    expect(buildThread([c(2, 99)]).map((n) => [n.id, n.depth])).toEqual([[2, 0]]);
  });
});

test("websites link only when http(s)", () => {
  expect(safeWebsite("https://example.com")).toBe("https://example.com/");
  for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x", "not a url", null])
    expect(safeWebsite(bad)).toBeNull();
});

test("count labels", () => {
  expect(commentCountLabel(0)).toBe("0 Comments");
  expect(commentCountLabel(1)).toBe("1 Comment");
  expect(commentCountLabel(12)).toBe("12 Comments");
});
