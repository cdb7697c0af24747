// GET /api/v1/<posts|pages|tags|authors|settings> — published content, Ghost's shape
import { contentApiRoutes } from "@/lib/content-api/routes";

const routes = contentApiRoutes({ requireKey: false });
export const dynamic = "force-dynamic";
export const GET = routes.collection;
export const OPTIONS = routes.preflight;
