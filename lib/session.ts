import "server-only";
import { ROLES, type Role } from "@/db/schema";
import { auth } from "./auth";

export type SessionUser = { id: number; name: string; email: string; role: Role };

/** The signed-in staff member, or null. The JWT callback has already re-read them from the database. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  const id = Number(user?.id);
  if (!user || !Number.isInteger(id) || id <= 0 || !ROLES.includes(user.role)) return null;
  return { id, name: user.name ?? "", email: user.email ?? "", role: user.role };
}
