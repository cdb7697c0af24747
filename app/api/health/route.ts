// GET /api/health — 200 when the database answers and migrations are current, else 503.
import { checkHealth } from "@/db/queries/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
