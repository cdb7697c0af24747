// The fallback static reference when nginx cannot be had: node:http sending one
// file compressed once up front (br or gzip, as asked). Its own process, so it
// never shares an event loop with the load generator.
// Usage: node bench/static-server.mjs <file> <port>
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";

const [file, port] = process.argv.slice(2);
const plain = fs.readFileSync(file);
const gzip = zlib.gzipSync(plain);
const br = zlib.brotliCompressSync(plain);

http
  .createServer((req, res) => {
    const accept = String(req.headers["accept-encoding"] ?? "");
    const [body, encoding] = /\bbr\b/.test(accept)
      ? [br, "br"]
      : /\bgzip\b/.test(accept)
        ? [gzip, "gzip"]
        : [plain, null];
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
