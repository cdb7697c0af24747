"use server";

import { headers } from "next/headers";
import { signOut } from "../auth";
import { isSameOrigin } from "../utils/same-origin";

// Not wrapped in mutation(): it takes no input and touches no row, only the cookie.
// A cross-site page must still not be able to sign a staff member out.
export async function signOutAction() {
  if (!isSameOrigin(await headers())) return;
  await signOut({ redirectTo: "/admin/login" });
}
