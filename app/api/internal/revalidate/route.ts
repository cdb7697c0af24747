// POST /api/internal/revalidate — the scheduler's cache invalidation, from this process only.
import { handleInternalRevalidate } from "@/lib/internal-revalidate";

export const POST = handleInternalRevalidate;
