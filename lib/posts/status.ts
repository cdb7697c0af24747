import "server-only";
import type { Changed } from "@/db/queries/post-workflow";
import type { ActionResult } from "../action";
import { AppError } from "../errors";
import { afterPostsChanged } from "./publishing";

/** The common end of a status change: refused when out of reach, otherwise caches invalidated. */
export async function statusResult(changed: Changed | null, message: string): Promise<ActionResult<{ id: number }>> {
  if (!changed)
    throw new AppError("forbidden", "This post is not in a state you may change that way, or you may not change it.");
  await afterPostsChanged([changed]);
  return { ok: true, message, data: { id: changed.id } };
}

export function forbidden(): never {
  throw new AppError("forbidden");
}
