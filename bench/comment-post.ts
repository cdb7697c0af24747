// Valid comment POSTs, both ways the comment form (a server action with progressive
// enhancement) sends one. Without JavaScript: multipart/form-data to the post's own
// address with the hidden action fields React printed in the form. With JavaScript:
// the action's id in a Next-Action header and its arguments encoded by React (plain
// JSON is a valid encoding). Both carry a signed issued-at token at least 3 s old
// (MIN_FORM_AGE_MS) and an empty honeypot.
import { UNIQUE, type Target } from "./load";

const BOUNDARY = "----quire-bench-boundary";

const decode = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hidden fields of the post page's main comment form. */
export function formFields(html: string): [string, string][] {
  const at = html.indexOf('id="comment-form-main"');
  if (at < 0) throw new Error("the post page has no comment form");
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]);
}

// Each run numbers its requests from 1 again: the body names the way it was sent, or
// the second run's comments would be refused as duplicates of the first's.
const commenter = (via: string) => ({ name: "Bench Reader", email: "bench-reader@readers.example", body: `A comment from the benchmark, sent ${via}, number ${UNIQUE}.` });

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
    fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${BOUNDARY}--\r\n`;
  return {
    url: postUrl,
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: new URL(postUrl).origin },
    body,
  };
}

/** The POST a browser with JavaScript sends: the same comment through React's action call. */
export function commentActionTarget(postUrl: string, hidden: [string, string][], issued: string): Target {
  const field = (name: string) => hidden.find(([key]) => key === name)?.[1];
  const reference = hidden.find(([key]) => /^\$ACTION_\d+:0$/.test(key))?.[1];
  const actionId = reference ? (JSON.parse(reference) as { id: string }).id : undefined;
  if (!actionId) throw new Error("the comment form names no server action");
  const input = { postId: Number(field("postId")), issued, company: "", ...commenter("with JavaScript") };
  return {
    url: postUrl,
    method: "POST",
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(postUrl).origin },
    body: JSON.stringify([null, input]),
  };
}
