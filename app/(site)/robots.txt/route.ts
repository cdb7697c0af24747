// GET /robots.txt — everything but the admin and search results may be crawled.
import { connection } from "next/server";
import { siteUrl } from "@/lib/env";

export async function GET() {
  await connection();
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /api/",
    "Disallow: /search",
    "",
    `Sitemap: ${siteUrl()}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
