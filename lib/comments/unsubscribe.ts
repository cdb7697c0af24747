import "server-only";
import { suppressEmail } from "@/db/queries/comments";
import { readUnsubscribeToken } from "./tokens";

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string, status = 200) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font:1.05rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#18181b;background:#fff}button{font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:.375rem;border:0;background:#1d4ed8;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1e3a8a;outline-offset:2px}@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}button{background:#93c5fd;color:#09090b}}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}

function emailFrom(request: Request): string | null {
  const token = new URL(request.url).searchParams.get("token");
  return token && token.length <= 1000 ? readUnsubscribeToken(token) : null;
}

const INVALID = () =>
  page(
    "This link does not work",
    "<p>The unsubscribe link is incomplete or was changed. Copy the whole link from the e-mail and try again.</p>",
    400,
  );

export async function unsubscribePage(request: Request) {
  const email = emailFrom(request);
  if (!email) return INVALID();
  // Mail scanners open links: a GET only asks, the button's POST unsubscribes.
  return page(
    "Unsubscribe from comment e-mail",
    `<p>Stop all comment notifications to <strong>${escape(email)}</strong>?</p><form method="post"><button type="submit">Unsubscribe ${escape(email)}</button></form>`,
  );
}

/** RFC 8058 one-click POSTs come from mail clients with no Origin and no cookie: the signed token is the only credential, by design. */
export async function unsubscribe(request: Request) {
  const email = emailFrom(request);
  if (!email) return INVALID();
  await suppressEmail({ email });
  return page(
    "You are unsubscribed",
    `<p>No more comment e-mail will be sent to <strong>${escape(email)}</strong>.</p>`,
  );
}
