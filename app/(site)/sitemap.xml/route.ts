// GET /sitemap.xml — every published post and page, tag and author, with lastmod.
import { connection } from "next/server";
import { listAuthorsInUse } from "@/db/queries/authors";
import { listSitemapPosts } from "@/db/queries/post-lists";
import { listTagsInUse } from "@/db/queries/tags";
import { siteUrl } from "@/lib/env";

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", "'": "apos", '"': "quot" }[c]};`);

export async function GET() {
  await connection();
  const origin = siteUrl();
  const [posts, tagsInUse, authorsInUse] = await Promise.all([listSitemapPosts(), listTagsInUse(), listAuthorsInUse()]);
  const newest = posts.reduce<Date | null>(
    (latest, post) => (!latest || post.updatedAt > latest ? post.updatedAt : latest),
    null,
  );
  const entries: { path: string; lastModified: Date | null }[] = [
    { path: "/", lastModified: newest },
    ...posts.map((post) => ({ path: `/${encodeURIComponent(post.slug)}`, lastModified: post.updatedAt })),
    ...tagsInUse.map((tag) => ({ path: `/tag/${encodeURIComponent(tag.slug)}`, lastModified: tag.lastModified })),
    ...authorsInUse.map((author) => ({
      path: `/author/${encodeURIComponent(author.slug)}`,
      lastModified: author.lastModified,
    })),
  ];
  const urls = entries.map(
    ({ path, lastModified }) =>
      `<url><loc>${escapeXml(origin + path)}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ""}</url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
