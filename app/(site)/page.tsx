import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HomeView } from "@/components/site/home-view";
import { loadHomePage } from "@/lib/site/home";
import { siteSettings } from "@/lib/site/reader";
import { listMetadata } from "@/lib/site/seo";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, description } = await siteSettings();
  return listMetadata({ description, path: "/", feeds: { title, base: "" }, siteTitle: title });
}

export default async function HomePage() {
  await connection();
  const home = await loadHomePage(1);
  if (!home) notFound();
  const { timezone } = await siteSettings();
  return <HomeView {...home} page={1} timeZone={timezone} />;
}
