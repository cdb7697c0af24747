// `limit=all` is answered in pages of ALL_LIMIT rows, with the pagination saying so.
import { describe, expect, it } from "vitest";
import { ALL_LIMIT, pagination, window } from "./handlers";
import { parseBrowseParams } from "./params";

const params = (query: string) => {
  const parsed = parseBrowseParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.params;
};

describe("limit=all", () => {
  it("reads at most ALL_LIMIT rows a page and points to the next page", () => {
    expect(window(params("limit=all"))).toEqual({ limit: ALL_LIMIT, offset: 0 });
    expect(window(params("limit=all&page=3"))).toEqual({ limit: ALL_LIMIT, offset: 2 * ALL_LIMIT });
    expect(pagination(params("limit=all"), 2_500).pagination).toEqual({
      page: 1,
      limit: "all",
      pages: 3,
      total: 2_500,
      next: 2,
      prev: null,
    });
  });

  it("is one page, as before, while everything fits", () => {
    expect(pagination(params("limit=all"), ALL_LIMIT).pagination).toMatchObject({ pages: 1, next: null });
    expect(window(params("limit=5&page=2"))).toEqual({ limit: 5, offset: 5 });
  });
});
