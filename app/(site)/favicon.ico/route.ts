// GET /favicon.ico — the site's icon for browser tabs (lib/site/site-icon.ts).
import { connection } from "next/server";
import { iconResponse } from "@/lib/site/site-icon";

export async function GET() {
  await connection(); // the logo setting is read per request, never at build time
  return iconResponse("favicon");
}
