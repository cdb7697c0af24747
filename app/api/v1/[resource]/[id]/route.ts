// GET /api/v1/<resource>/<id> — one published item
import { contentApiRoutes } from "@/lib/content-api/routes";

const routes = contentApiRoutes({ requireKey: false });
export const dynamic = "force-dynamic";
export const GET = routes.byId;
export const OPTIONS = routes.preflight;
