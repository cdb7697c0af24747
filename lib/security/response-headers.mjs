// Headers every answer carries. Next.js adds SITE_HEADERS to what it answers
// (next.config.js) and proxy.ts adds DATA_POLICY to feeds, JSON and API answers;
// bin/server/direct.mjs adds both to the comment POSTs it answers without Next.
// Shared by the three, hence plain JavaScript.

/** @type {{ key: string, value: string }[]} */
export const SITE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  // Nothing here is meant to be framed (CSP frame-ancestors 'none' too).
  { key: "X-Frame-Options", value: "DENY" },
];

// Feeds, JSON, the OG card and API answers are no HTML of ours: nothing may load or run in them.
export const DATA_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
