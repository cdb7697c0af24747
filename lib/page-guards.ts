import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { countStaff } from "@/db/queries/users";
import { getCurrentUser, type SessionUser } from "./session";

/**
 * For admin pages: the signed-in staff member, or a redirect to sign-in (or to
 * first-run setup when the site has no staff yet). Every admin page calls it itself;
 * proxy.ts only redirects optimistically.
 */
export async function requireStaff(returnTo: string): Promise<SessionUser> {
  await connection(); // rendered per request, never at build time
  const user = await getCurrentUser();
  if (user) return user;
  if ((await countStaff()) === 0) redirect("/admin/setup");
  redirect(`/admin/login?callbackUrl=${encodeURIComponent(returnTo)}`);
}
