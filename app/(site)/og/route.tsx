// GET /og — the site's generated social card (used where a page has no image of its own).
import { connection } from "next/server";
import { ogCard } from "@/lib/site/og-card";
import { siteSettings } from "@/lib/site/reader";

export async function GET() {
  await connection();
  const { title, description } = await siteSettings();
  return ogCard({ title: description || title, site: title });
}
