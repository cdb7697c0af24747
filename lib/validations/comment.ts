import { z } from "zod";
import { MARKDOWN_TOO_DEEP, markdownTooDeep } from "../markdown/limits";

// Limits the settings cannot loosen: a body past this is refused before any work.
export const COMMENT_HARD_MAX_LENGTH = 20_000;

const id = z.coerce.number({ error: "Choose a comment." }).int().positive("Choose a comment.");
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const optionalText = (max: number, message: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, message).optional(),
  );

/** What the reader's comment form sends. Name and email are required only for readers (checked in the action). */
export const postCommentSchema = z.object({
  postId: z.coerce
    .number({ error: "This post cannot take comments." })
    .int()
    .positive("This post cannot take comments."),
  parentId: z.preprocess((value) => (value === "" || value == null ? undefined : value), id.optional()),
  // Control characters (newlines included) never reach a page or an e-mail header.
  // Nor do bidirectional overrides and isolates, which could make a name read as something else.
  name: optionalText(80, "Keep your name under 80 characters.").transform(
    (value) => value?.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, " ").trim() || undefined,
  ),
  email: z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() === ""
        ? undefined
        : typeof value === "string"
          ? value.trim().toLowerCase()
          : value,
    z.email("Enter a valid email address, like you@example.com.").max(254).optional(),
  ),
  url: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." })
      .max(500, "Keep the web address under 500 characters.")
      .optional(),
  ),
  body: z
    .string({ error: "Write a comment first." })
    .max(COMMENT_HARD_MAX_LENGTH, `Keep your comment under ${COMMENT_HARD_MAX_LENGTH.toLocaleString("en")} characters.`)
    .refine((value) => value.trim().length > 0, "Write a comment first.")
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP)
    // NUL means nothing in text and some tools stop at it: dropped (Markdown would show U+FFFD).
    .transform((value) => value.replace(/\u0000/g, "")),
  notify: checkbox.default(false),
  // The honeypot: hidden from people, filled in by bots.
  company: z.string().max(1000).optional(),
  // The signed issued-at token printed with the form.
  issued: z.string().max(200).optional(),
});
export type PostCommentInput = z.infer<typeof postCommentSchema>;

/** Edit or delete inside the window, proven by the capability token kept in the commenter's browser. */
export const ownCommentSchema = z.object({
  id,
  token: z.string().min(16, "This comment can no longer be changed from here.").max(200),
  body: z
    .string()
    .max(COMMENT_HARD_MAX_LENGTH)
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP)
    .optional(),
});

export const MODERATION_OPS = ["approve", "spam", "not_spam", "trash", "restore", "delete"] as const;
export type ModerationOp = (typeof MODERATION_OPS)[number];

export const moderateCommentsSchema = z.object({
  op: z.enum(MODERATION_OPS, { error: "Choose an action." }),
  ids: z.preprocess(
    (value) => (value == null ? [] : Array.isArray(value) ? value : [value]),
    z.array(id).min(1, "Select at least one comment.").max(500),
  ),
});

export const editCommentSchema = z.object({
  id,
  body: z
    .string()
    .max(COMMENT_HARD_MAX_LENGTH, `Keep the comment under ${COMMENT_HARD_MAX_LENGTH.toLocaleString("en")} characters.`)
    .refine((value) => value.trim().length > 0, "The comment cannot be empty.")
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP),
});

export const staffReplySchema = z.object({
  parentId: id,
  body: z
    .string()
    .max(COMMENT_HARD_MAX_LENGTH, `Keep the reply under ${COMMENT_HARD_MAX_LENGTH.toLocaleString("en")} characters.`)
    .refine((value) => value.trim().length > 0, "Write a reply first.")
    .refine((value) => !markdownTooDeep(value), MARKDOWN_TOO_DEEP),
});

export const ownCommentsLookupSchema = z.object({
  postId: z.coerce.number().int().positive(),
  items: z.array(z.object({ id: z.coerce.number().int().positive(), token: z.string().min(16).max(200) })).max(50),
});

const wordList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[\n,]/)
          .map((entry) => entry.trim())
          .filter(Boolean)
      : value,
  z.array(z.string().max(200)).max(1000, "Keep the list under 1,000 entries."),
);

/** The comment policy keys of SETTING_DEFAULTS, for the settings page (lists accept one entry a line). */
export const commentSettingsSchema = z
  .object({
    commentPolicy: z.enum(["hold_all", "hold_first_time", "publish"], { error: "Choose a comment policy." }),
    commentLinkLimit: z.coerce.number().int().min(0, "Use 0 or more.").max(100),
    commentCloseAfterDays: z.coerce.number().int().min(0, "Use 0 (never) or more days.").max(36500),
    commentMinLength: z.coerce.number().int().min(1, "Use at least 1.").max(1000),
    commentMaxLength: z.coerce
      .number()
      .int()
      .min(10)
      .max(COMMENT_HARD_MAX_LENGTH, `Use at most ${COMMENT_HARD_MAX_LENGTH.toLocaleString("en")}.`),
    bannedWords: wordList,
    bannedEmails: wordList,
  })
  .refine((value) => value.commentMinLength <= value.commentMaxLength, {
    path: ["commentMinLength"],
    message: "The minimum must not exceed the maximum.",
  });
