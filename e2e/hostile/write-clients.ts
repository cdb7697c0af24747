// The two real write paths the hostile suites drive, as a client would: the comment
// form's no-JavaScript POST and the Admin API's post edit.
import { createHmac } from "node:crypto";
import { SECRETS, type Site } from "./own-server";

/** The comment form's signed issued-at token, as the page prints it (lib/comments/tokens.ts), 10 s old. */
export function formToken(now = Date.now() - 10_000): string {
  const signature = createHmac("sha256", SECRETS.QUIRE_COMMENTS_SECRET).update(`issued:${now}`).digest("base64url");
  return `${now}.${signature}`;
}

/** The hidden fields React prints into the no-JavaScript comment form (the server action's reference). */
export async function commentFormFields(url: string, slug: string): Promise<[string, string][]> {
  const html = await (await fetch(`${url}/${slug}`)).text();
  const form = /<form[^>]*id="comment-form-main"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error(`No comment form on /${slug}`);
  const fields: [string, string][] = [];
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name && name.startsWith("$ACTION"))
      fields.push([name.replace(/&quot;/g, '"'), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&")]);
  }
  return fields;
}

export type CommentOutcome = "acknowledged" | "refused" | "no_answer";

/**
 * Posts one comment the way a browser without JavaScript does: a multipart POST of the
 * form to the post's address. Acknowledged = a 2xx page saying the comment was taken.
 */
export async function postComment(
  url: string,
  post: { id: number; slug: string },
  actionFields: [string, string][],
  comment: { name: string; email: string; body: string },
): Promise<{ outcome: CommentOutcome; status?: number; detail?: string }> {
  const form = new FormData();
  for (const [name, value] of actionFields) form.append(name, value);
  form.append("postId", String(post.id));
  form.append("issued", formToken());
  form.append("name", comment.name);
  form.append("email", comment.email);
  form.append("url", "");
  form.append("body", comment.body);
  form.append("company", "");
  let response: Response;
  let html: string;
  try {
    response = await fetch(`${url}/${post.slug}`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { Origin: url },
    });
    html = await response.text();
  } catch (error) {
    return { outcome: "no_answer", detail: String((error as Error).cause ?? error) };
  }
  const taken = /Your comment is published\.|awaiting moderation/.test(html);
  if (response.status < 300 && taken) return { outcome: "acknowledged", status: response.status };
  return {
    outcome: "refused",
    status: response.status,
    detail: html.match(/role="alert"[^>]*>([^<]*)/)?.[1] ?? html.slice(0, 300),
  };
}

/** An Admin API token as Ghost's client makes it: HS256, 5 minutes, audience /admin/. */
export function adminToken(key: { id: string; secret: string }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const head = `${encode({ alg: "HS256", typ: "JWT", kid: key.id })}.${encode({ iat: now, exp: now + 300, aud: "/admin/" })}`;
  return `${head}.${createHmac("sha256", Buffer.from(key.secret, "hex")).update(head).digest("base64url")}`;
}

export type SaveOutcome =
  | { outcome: "acknowledged"; updatedAt: string }
  | { outcome: "conflict" }
  | { outcome: "refused"; status: number; detail: string }
  | { outcome: "no_answer"; detail: string };

/** Reads a post's updated_at through the Admin API (what an editor's client holds). */
export async function readPostVersion(url: string, key: Site["adminKey"], postId: number): Promise<string | null> {
  try {
    const response = await fetch(`${url}/ghost/api/admin/posts/${postId}/`, {
      headers: { Authorization: `Ghost ${adminToken(key)}` },
    });
    if (!response.ok) return null;
    return ((await response.json()) as { posts: { updated_at: string }[] }).posts[0]!.updated_at;
  } catch {
    return null;
  }
}

/** Saves an existing post's Markdown through the Admin API, naming the version read (updated_at). */
export async function savePost(
  url: string,
  key: Site["adminKey"],
  postId: number,
  updatedAt: string,
  markdown: string,
): Promise<SaveOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${url}/ghost/api/admin/posts/${postId}/`, {
      method: "PUT",
      headers: { Authorization: `Ghost ${adminToken(key)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ posts: [{ updated_at: updatedAt, markdown }] }),
    });
    text = await response.text();
  } catch (error) {
    return { outcome: "no_answer", detail: String((error as Error).cause ?? error) };
  }
  if (response.status === 200)
    return {
      outcome: "acknowledged",
      updatedAt: (JSON.parse(text) as { posts: { updated_at: string }[] }).posts[0]!.updated_at,
    };
  if (response.status === 409) return { outcome: "conflict" };
  return { outcome: "refused", status: response.status, detail: text.slice(0, 300) };
}
