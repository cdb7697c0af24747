import { headers } from "next/headers";

/**
 * The comment section's enhancements (public/comments.js): reader pages go out without
 * Next's client runtime (bin/server/reader-runtime.mjs), so this small script is what
 * runs. It carries this response's CSP nonce, the one the page's policy allows.
 */
export async function CommentScript() {
  const policy = (await headers()).get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return <script src="/comments.js" defer nonce={nonce} />;
}
