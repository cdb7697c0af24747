import "server-only";
import { getImportJob } from "@/db/queries/import-jobs";
import { hasRole, minimumRole } from "@/lib/authz";
import { ERROR_MESSAGES, HTTP_STATUS } from "@/lib/errors";
import { currentState } from "@/lib/jobs/import-job";
import { getCurrentUser } from "@/lib/session";

// The import job's read-only routes (its progress, its report). A same-site GET carries
// no Origin, so route()'s Origin check does not fit: the session and the role decide,
// and a request another site's page made is refused.
export async function readImportJob(request: Request, id: string) {
  const refuse = (code: "unauthenticated" | "forbidden" | "not_found") =>
    Response.json(
      { error: ERROR_MESSAGES[code] },
      { status: HTTP_STATUS[code], headers: { "cache-control": "no-store" } },
    );
  const user = await getCurrentUser();
  if (!user) return refuse("unauthenticated");
  if (!hasRole(user, minimumRole("settings.manage"))) return refuse("forbidden");
  if (request.headers.get("sec-fetch-site") === "cross-site") return refuse("forbidden");
  const job = await getImportJob(id.slice(0, 64));
  return job ? await currentState(job) : refuse("not_found");
}
