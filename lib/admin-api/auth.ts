import "server-only";
import { getIntegrationCreator } from "@/db/queries/admin-api";
import type { Role } from "@/db/schema";
import { AppError } from "../errors";
import { hasRole } from "../authz";
import { authenticateAdminRequest } from "../integrations/new-keys";

/** Who an Admin API request acts as: the integration's role, as the staff member who made it. */
export type ApiUser = { id: number; name: string; role: Role; label: string };

export async function authenticateApi(
  request: Request,
  { write }: { write: boolean },
): Promise<{ user: ApiUser } | { error: AppError }> {
  const auth = await authenticateAdminRequest(request.headers.get("authorization"));
  if (!auth.ok) return { error: new AppError("unauthenticated", auth.message) };
  const creator = await getIntegrationCreator({ integrationId: auth.actor.integrationId });
  if (write && (!creator || creator.status !== "active")) {
    return {
      error: new AppError(
        "forbidden",
        "The staff member who created this integration is no longer active, so it may not change anything.",
      ),
    };
  }
  // An integration never does more than the person behind it may do today.
  const role = creator && !hasRole(creator, auth.actor.role) ? creator.role : auth.actor.role;
  return { user: { id: creator?.id ?? 0, name: creator?.name ?? auth.actor.name, role, label: auth.actor.name } };
}

/** The audit log names the integration; the rows it writes belong to its creator. */
export const apiActor = (user: ApiUser) => ({ actorId: user.id || null, actorLabel: user.label });
