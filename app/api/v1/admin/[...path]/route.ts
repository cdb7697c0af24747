// The Admin API (Authorization: Ghost <JWT>): posts, pages, tags, images — see lib/admin-api/routes.ts
import { handleAdminApi } from "@/lib/admin-api/routes";

export const dynamic = "force-dynamic";
export const GET = handleAdminApi;
export const POST = handleAdminApi;
export const PUT = handleAdminApi;
export const DELETE = handleAdminApi;
