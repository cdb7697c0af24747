import { expect, type Locator, type Page } from "@playwright/test";
import { dbTime, insert, ownerId, query } from "../fixtures/db";
import { unique } from "../fixtures/site";

/**
 * A published post, written by `authorId` (the owner by default), made for one test.
 * Dated years back, so the many made here never push other journeys' posts off the home page.
 */
export async function createPost({
  title = `Post ${unique()}`,
  authorId,
  commentsOpen = true,
  status = "published",
}: { title?: string; authorId?: number; commentsOpen?: boolean; status?: string } = {}) {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const id = await insert(
    "INSERT INTO posts (title, slug, status, published_at, author_id, html, comments_open) VALUES (?, ?, ?, ?, ?, '<p>Body.</p>', ?)",
    title,
    slug,
    status,
    dbTime(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 86_400_000)),
    authorId ?? (await ownerId()),
    commentsOpen ? 1 : 0,
  );
  return { id, title, slug };
}

export type CommentRow = {
  id: number;
  post_id: number;
  parent_id: number | null;
  status: string;
  author_name: string;
  author_email: string;
  markdown: string;
  html: string;
  author_url: string | null;
  ip_hash: string | null;
};
export const commentsBy = (email: string) =>
  query<CommentRow>("SELECT * FROM comments WHERE author_email = ? ORDER BY id", email.toLowerCase());
export const commentsOn = (postId: number) =>
  query<CommentRow>("SELECT * FROM comments WHERE post_id = ? ORDER BY id", postId);

const loadedAt = new WeakMap<Page, number>();

/** Opens a post and notes when, since the form refuses what is sent within 3 s. */
export async function openPost(page: Page, slug: string) {
  await page.goto(`/${slug}`);
  // With JavaScript the form swaps in a fresher issued-at token once it has hydrated
  // (/api/comments/viewer): its age counts from then, which on a busy machine was long enough
  // after the load for the form's minimum age not to have passed ("That was quick!").
  await page.waitForLoadState("networkidle");
  loadedAt.set(page, Date.now());
}

export async function waitPastMinimumAge(page: Page) {
  const since = Date.now() - (loadedAt.get(page) ?? 0);
  if (since < 3_300) await page.waitForTimeout(3_300 - since);
}

export const mainForm = (page: Page) => page.getByRole("form", { name: "Leave a comment" });

type Fields = { name?: string; email?: string; url?: string; body: string; notify?: boolean };

/** Fills a comment form the way a person would, waits past the minimum age, and sends it. */
export async function writeComment(page: Page, fields: Fields, form: Locator = mainForm(page), { wait = true } = {}) {
  if (fields.name !== undefined) await form.getByLabel("Name", { exact: true }).fill(fields.name);
  if (fields.email !== undefined) await form.getByLabel("Email", { exact: true }).fill(fields.email);
  if (fields.url !== undefined) await form.getByLabel("Website (optional)").fill(fields.url);
  await form.getByLabel(/^(Comment|Your reply)$/).fill(fields.body);
  if (fields.notify) await form.getByLabel("Notify me of replies by email").check();
  if (wait) await waitPastMinimumAge(page);
  await form.getByRole("button", { name: /^Post (comment|reply)$/ }).click();
}

export const commentHeading = (page: Page) => page.getByRole("heading", { level: 2, name: /^\d+ Comments?$/ });

export async function expectStatus(scope: Page | Locator, text: string | RegExp) {
  await expect(scope.getByRole("status").filter({ hasText: text })).toBeVisible();
}

export async function expectAlert(scope: Page | Locator, text: string | RegExp) {
  await expect(scope.getByRole("alert").filter({ hasText: text })).toBeVisible();
}

export const person = (label: string) => {
  const id = unique();
  return { name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\W+/g, "")}-${id}@example.com` };
};
