import "server-only";
import { inArray, sql } from "drizzle-orm";
import { redirects } from "../schema";
import { prepared } from "./prepared";

/**
 * Where an old address (e.g. "/old-slug") now lives, if it moved. Paths are stored as
 * the slugs are written ("/你好"); a URL's path arrives percent-encoded ("/%E4%BD%A0%E5%A5%BD").
 * Imported addresses may be stored as the old site linked them (encoded), so both forms match.
 */
const redirectFrom = prepared((db) =>
  db
    .select({ toPath: redirects.toPath })
    .from(redirects)
    .where(inArray(redirects.fromPath, [sql.placeholder("path"), sql.placeholder("decoded")])),
);

export async function findRedirect({ fromPath }: { fromPath: string }) {
  return redirectFrom().get({ path: fromPath, decoded: decodedPath(fromPath) });
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape names no stored path
  }
}
