// GET /tag/<slug>/atom.xml — one tag's newest posts.
import { connection } from "next/server";
import { feedResponse } from "@/lib/site/feeds";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  return feedResponse("atom", "tag", (await params).slug);
}
