import { expect, test } from "vitest";
import {
  auditSearchSchema,
  commentListSearchSchema,
  mediaSearchSchema,
  postListSearchSchema,
  revisionCompareSearchSchema,
} from "./admin-lists";

test("a post list address with every filter reads as typed", () => {
  expect(
    postListSearchSchema.parse({ status: "trash", author: "7", tag: "news", q: " my_post ", sort: "title", page: "3" }),
  ).toEqual({ status: "trash", author: 7, tag: "news", q: "my_post", sort: "title", page: 3 });
});

test("an empty address gives the defaults", () => {
  expect(postListSearchSchema.parse({})).toEqual({ sort: "updated", page: 1 });
  expect(commentListSearchSchema.parse({})).toEqual({ status: "pending", page: 1 });
  expect(auditSearchSchema.parse({})).toEqual({ page: 1 });
});

test("values that do not fit fall back to the defaults instead of failing", () => {
  expect(
    postListSearchSchema.parse({ status: "deleted", author: "-1", sort: "random", page: "abc", q: "   " }),
  ).toEqual({ sort: "updated", page: 1 });
  expect(commentListSearchSchema.parse({ status: "everything", post: "x", page: "0" })).toEqual({
    status: "pending",
    page: 1,
  });
  expect(auditSearchSchema.parse({ action: "drop table", page: "2.5" })).toEqual({ page: 1 });
});

test("a page beyond the last one allowed is held at the limit", () => {
  expect(mediaSearchSchema.parse({ page: "99999999" }).page).toBe(10_000);
});

test("a repeated parameter counts once, and long text is cut", () => {
  expect(mediaSearchSchema.parse({ q: ["first", "second"], page: ["2", "5"] })).toEqual({ q: "first", page: 2 });
  expect(mediaSearchSchema.parse({ q: "x".repeat(500) }).q).toHaveLength(200);
});

test("an audit filter is one of the known kinds", () => {
  expect(auditSearchSchema.parse({ action: "user." }).action).toBe("user.");
});

test("the history comparison takes two revision ids, or neither when they are not ids", () => {
  expect(revisionCompareSearchSchema.parse({ a: "4", b: "9" })).toEqual({ a: 4, b: 9 });
  expect(revisionCompareSearchSchema.parse({ a: "x", b: "0" })).toEqual({});
});
