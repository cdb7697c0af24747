import { expect, test } from "vitest";
import { commentSettingsSchema, moderateCommentsSchema, postCommentSchema } from "./comment";

test("the comment form schema normalises email, drops empty optionals and refuses non-http websites", () => {
  const parsed = postCommentSchema.parse({
    postId: "3",
    parentId: "",
    name: " Ada ",
    email: " Ada@Example.COM ",
    url: "",
    body: "hi",
    notify: "on",
  });
  expect(parsed).toMatchObject({
    postId: 3,
    parentId: undefined,
    name: "Ada",
    email: "ada@example.com",
    url: undefined,
    notify: true,
  });
  for (const url of ["javascript:alert(1)", "data:text/html,x", "ftp://example.com"]) {
    expect(postCommentSchema.safeParse({ postId: 1, body: "hi", url }).success).toBe(false);
  }
  expect(postCommentSchema.safeParse({ postId: 1, body: "   " }).success).toBe(false);
  expect(postCommentSchema.parse({ postId: 1, body: "hi", name: "Eve\r\nBcc: all@example.com" }).name).toBe(
    "Eve Bcc: all@example.com",
  );
});

test("moderation takes one id or many, and only known actions", () => {
  expect(moderateCommentsSchema.parse({ op: "approve", ids: "4" }).ids).toEqual([4]);
  expect(moderateCommentsSchema.parse({ op: "trash", ids: ["4", "5"] }).ids).toEqual([4, 5]);
  expect(moderateCommentsSchema.safeParse({ op: "drop table", ids: "4" }).success).toBe(false);
  expect(moderateCommentsSchema.safeParse({ op: "approve" }).success).toBe(false);
});

test("comment settings accept lists one entry a line and keep min under max", () => {
  const parsed = commentSettingsSchema.parse({
    commentPolicy: "publish",
    commentLinkLimit: "3",
    commentCloseAfterDays: "0",
    commentMinLength: "2",
    commentMaxLength: "5000",
    bannedWords: "casino\n viagra ,\n\n",
    bannedEmails: "@spam.example",
  });
  expect(parsed.bannedWords).toEqual(["casino", "viagra"]);
  expect(parsed.commentLinkLimit).toBe(3);
  expect(commentSettingsSchema.safeParse({ ...parsed, commentMinLength: 9000 }).success).toBe(false);
});

test("NUL bytes leave a comment body, and control characters and bidirectional overrides a name", () => {
  const parsed = postCommentSchema.parse({ postId: 1, body: "a\u0000b", name: "Eve\u202Egnp.exe\u0000\u2066x\u2069" });
  expect(parsed.body).toBe("ab");
  expect(parsed.name).toBe("Eve gnp.exe x");
});
