// The production server `npm start` runs (after building and migrating): Next.js's own
// request handler behind a plain node:http server, so that what reaches the app about
// the client is what the socket says, not what the client claims.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
// Behind a reverse proxy that sets X-Forwarded-For itself, set QUIRE_TRUST_PROXY=1.
const trustProxy = process.env.QUIRE_TRUST_PROXY === "1";

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  if (!trustProxy) {
    // A client could otherwise choose its own address and slip past per-address limits.
    request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
    delete request.headers["x-real-ip"];
    // Nor its own host and scheme: Next.js checks a server action's Origin against X-Forwarded-Host.
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
  }
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`[quire] listening on http://${hostname}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
