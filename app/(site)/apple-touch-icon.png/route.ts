// GET /apple-touch-icon.png — 180×180 for home screens (lib/site/site-icon.ts).
import { connection } from "next/server";
import { iconResponse } from "@/lib/site/site-icon";

export async function GET() {
  await connection(); // the logo setting is read per request, never at build time
  return iconResponse("apple-touch-icon");
}
