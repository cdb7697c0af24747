import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { HomeView } from "@/components/site/home-view";
import { loadHomePage } from "@/lib/site/home";
import { parsePageNumber, siteSettings } from "@/lib/site/reader";
import { listMetadata } from "@/lib/site/seo";

type Props = { params: Promise<{ n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const page = parsePageNumber((await params).n);
  const { title, description } = await siteSettings();
  if (!page) return {};
  return listMetadata({
    title: `Page ${page}`,
    description,
    path: `/page/${page}`,
    feeds: { title, base: "" },
    siteTitle: title,
  });
}

export default async function HomePageN({ params }: Props) {
  await connection();
  const { n } = await params;
  if (n === "1") permanentRedirect("/");
  const page = parsePageNumber(n);
  const home = page ? await loadHomePage(page) : null;
  if (!page || !home) notFound();
  const { timezone } = await siteSettings();
  return <HomeView {...home} page={page} timeZone={timezone} />;
}
