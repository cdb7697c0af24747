// A valid comment POST, as a browser without JavaScript sends it: the comment form
// (a server action with progressive enhancement) posts multipart/form-data to the
// post's own address with the hidden action fields React printed in the form, a
// signed issued-at token at least 3 s old (MIN_FORM_AGE_MS), and an empty honeypot.
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

/**
 * The POST target. `issued` comes from /api/comments/viewer and must be ≥ 3 s old when
 * the load starts; `[<id>]` makes each body (and so each comment) unique.
 */
export function commentTarget(postUrl: string, hidden: [string, string][], issued: string): Target {
  const fields: [string, string][] = [
    ...hidden.map(([name, value]): [string, string] => [name, name === "issued" ? issued : value]),
    ["name", "Bench Reader"],
    ["email", "bench-reader@readers.example"],
    ["body", `A comment from the benchmark, number ${UNIQUE}.`],
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
