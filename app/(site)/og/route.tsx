// GET /og — the site's generated social card (used where a page has no image of its own).
import { connection } from "next/server";
import { ogCard } from "@/lib/og-card";
import { siteSettings } from "@/lib/reader";

export async function GET() {
  await connection();
  const { title, description } = siteSettings();
  return ogCard({ title: description || title, site: title });
}
