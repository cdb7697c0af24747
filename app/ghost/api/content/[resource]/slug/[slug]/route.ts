// GET /ghost/api/content/<resource>/slug/<slug> — one published item by slug
import { contentApiRoutes } from "@/lib/content-api/routes";

const routes = contentApiRoutes({ requireKey: true });
export const dynamic = "force-dynamic";
export const GET = routes.bySlug;
export const OPTIONS = routes.preflight;
