// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // bin/server.mjs compresses (brotli and gzip; reader pages and Next's files once, kept in memory).
  compress: false,
  // proxy.ts redirects trailing slashes itself, except on Ghost's API paths (see there).
  skipTrailingSlashRedirect: true,
  // Native modules load from node_modules at run time instead of being bundled; prom-client
  // too, so the app's metrics land in the registry bin/server/metrics.mjs answers from.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "prom-client", "pino", "pino-pretty"],
  // Ghost clients call `/ghost/api/admin/posts/`: the slash is dropped here, inside Next's
  // router, rather than by a redirect (clients would send bodies twice) or a rewrite in
  // proxy.ts (Next reads an absolute rewrite from there as another host when a TLS proxy
  // says https, and tries to fetch it over https from itself).
  async rewrites() {
    return { beforeFiles: [{ source: "/ghost/:path+/", destination: "/ghost/:path+" }] };
  },
  // nosniff, no framing, referrer and permissions policies (shared with bin/server, which
  // answers some comment POSTs itself; CSP frame-ancestors 'none' too, set in proxy.ts).
  async headers() {
    const { SITE_HEADERS } = await import("./lib/security/response-headers.mjs");
    return [{ source: "/:path*", headers: SITE_HEADERS }];
  },
};

module.exports = nextConfig;
