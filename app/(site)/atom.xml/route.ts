// GET /atom.xml — the site's newest posts.
import { connection } from "next/server";
import { feedResponse } from "@/lib/site/feeds";

export async function GET() {
  await connection();
  return feedResponse("atom", "site");
}
