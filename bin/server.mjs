// The production server `npm start` runs (after building and migrating): Next.js's own
// request handler behind a plain node:http server, so that what reaches the app about
// the client is what the socket says, not what the client claims, and so that reader
// pages can be answered from memory before Next's handler runs (bin/server/handler.mjs).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { openDataVersion } from "./server/data-version.mjs";
import { createHandler } from "./server/handler.mjs";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
// Behind a reverse proxy that sets X-Forwarded-For itself, set QUIRE_TRUST_PROXY=1.
const trustProxy = process.env.QUIRE_TRUST_PROXY === "1";
// Validated with the rest of the environment by lib/env.ts (bin/start.ts checks it first).
const pageCacheMb = Number(process.env.QUIRE_PAGE_CACHE_MB || 64);
const dataFile = path.join(path.resolve(process.env.QUIRE_DATA_DIR || "./data"), "quire.db");

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handler = createHandler({
  handle: app.getRequestHandler(),
  dataVersion: pageCacheMb > 0 ? openDataVersion(dataFile) : null,
  pageBytes: pageCacheMb * 1024 * 1024,
  staticBytes: 32 * 1024 * 1024,
  // Time-based details (comment-form token ages, "closes in N days") are at most this old.
  maxAgeMs: 60_000,
});

const server = http.createServer((request, response) => {
  if (!trustProxy) {
    // A client could otherwise choose its own address and slip past per-address limits.
    request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
    delete request.headers["x-real-ip"];
    // Nor its own host and scheme: Next.js checks a server action's Origin against X-Forwarded-Host.
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
  }
  handler(request, response);
});
server.listen(port, hostname, () => console.log(`[quire] listening on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
