import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HomeView } from "@/components/site/home-view";
import { loadHomePage } from "@/lib/site/home";
import { siteSettings } from "@/lib/site/reader";
import { listMetadata } from "@/lib/site/seo";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { title, description } = siteSettings();
  return listMetadata({ description, path: "/", feeds: { title, base: "" }, siteTitle: title });
}

export default async function HomePage() {
  await connection();
  const home = loadHomePage(1);
  if (!home) notFound();
  return <HomeView {...home} page={1} timeZone={siteSettings().timezone} />;
}
