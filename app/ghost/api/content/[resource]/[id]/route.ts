// GET /ghost/api/content/<resource>/<id> — one published item
import { contentApiRoutes } from "@/lib/content-api/routes";

const routes = contentApiRoutes({ requireKey: true });
export const dynamic = "force-dynamic";
export const GET = routes.byId;
export const OPTIONS = routes.preflight;
