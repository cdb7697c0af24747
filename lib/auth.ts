import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getSessionUser, getUserForSignIn } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { verifyPassword } from "./users/password";
import { authSecret } from "./security/secrets";
import { signInSchema } from "./validations/auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** Email + password check; the same work and the same `null` for every kind of failure. */
export async function verifyCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await getUserForSignIn({ email: parsed.data.email });
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !valid || user.status !== "active") return null;
  return {
    id: String(user.id),
    name: user.name,
    email: user.email,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

// Configured lazily so that neither the build nor an import reads the data folder.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // Quire is self-hosted behind whatever name its owner gives it.
  trustHost: true,
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  pages: { signIn: "/admin/login", error: "/admin/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: verifyCredentials,
    }),
  ],
  callbacks: {
    // Runs on every session read: the user is re-read, so suspension, deletion,
    // demotion and password changes take effect on the next request.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      const current = token.sub ? await getSessionUser({ id: Number(token.sub) }) : undefined;
      if (!current || current.status !== "active" || current.sessionVersion !== token.sv) return null;
      token.role = current.role;
      token.name = current.name;
      token.email = current.email;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.sub);
      session.user.role = token.role as Role;
      return session;
    },
  },
}));
