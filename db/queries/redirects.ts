import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { redirects } from "../schema";

/** Where an old address (e.g. "/old-slug") now lives, if it moved. */
export function findRedirect({ fromPath }: { fromPath: string }) {
  return getDb().select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).get();
}
