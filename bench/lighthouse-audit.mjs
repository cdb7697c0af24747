// Runs Lighthouse on one URL against an already running Chromium and prints the report's
// categories and audits as JSON. Plain Node, not tsx: Lighthouse sends some of its own
// functions to the page as source, and tsx's added helpers (__name) do not exist there.
// Usage: node bench/lighthouse-audit.mjs <url> <chrome debugging port>
import lighthouse from "lighthouse";

const [url, port] = process.argv.slice(2);
const result = await lighthouse(url, {
  port: Number(port),
  output: "json",
  logLevel: "error",
  onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
});
if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
const { categories, audits } = result.lhr;
process.stdout.write(JSON.stringify({ categories, audits }));
