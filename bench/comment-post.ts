// Valid comment POSTs, both ways the comment form sends one. Without JavaScript:
// multipart/form-data to the post's own address with the hidden server action fields
// React printed in the form. With JavaScript: the same fields as JSON to
// POST /api/comments (components/comments/comment-form.tsx). Both carry a signed issued-at token at least 3 s old
// (MIN_FORM_AGE_MS) and an empty honeypot.
import { UNIQUE, type Target } from "./load";

const BOUNDARY = "----quire-bench-boundary";

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the post page's main comment form. */
export function formFields(html: string): [string, string][] {
  const at = html.indexOf('id="comment-form-main"');
  if (at < 0) throw new Error("the post page has no comment form");
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [
    decode(m[1]!),
    decode(m[2] ?? ""),
  ]);
}

// Each run numbers its requests from 1 again: the body names the way it was sent, or
// the second run's comments would be refused as duplicates of the first's.
const commenter = (via: string) => ({
  name: "Bench Reader",
  email: "bench-reader@readers.example",
  body: `A comment from the benchmark, sent ${via}, number ${UNIQUE}.`,
});

/**
 * The no-JavaScript POST target. `issued` comes from /api/comments/viewer and must be ≥ 3 s old when
 * the load starts; `[<id>]` makes each body (and so each comment) unique.
 */
export function commentTarget(postUrl: string, hidden: [string, string][], issued: string): Target {
  const you = commenter("without JavaScript");
  const fields: [string, string][] = [
    ...hidden.map(([name, value]): [string, string] => [name, name === "issued" ? issued : value]),
    ["name", you.name],
    ["email", you.email],
    ["body", you.body],
    ["company", ""],
  ];
  const body =
    fields
      .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${BOUNDARY}--\r\n`;
  return {
    url: postUrl,
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: new URL(postUrl).origin },
    body,
  };
}

/** The POST a browser with JavaScript sends: the form's fields as JSON to /api/comments. */
export function commentJsonTarget(postUrl: string, hidden: [string, string][], issued: string): Target {
  const postId = Number(hidden.find(([key]) => key === "postId")?.[1]);
  if (!postId) throw new Error("the comment form names no post");
  const origin = new URL(postUrl).origin;
  return {
    url: `${origin}/api/comments`,
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify({ postId, issued, company: "", ...commenter("with JavaScript") }),
  };
}
