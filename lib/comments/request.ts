import "server-only";
import { headers } from "next/headers";

/**
 * The client's address as the server saw it. Next.js fills X-Forwarded-For with the
 * socket address when no proxy set it; behind a reverse proxy, the proxy's value
 * (its first entry) is the reader. Only a salted hash of it is ever stored.
 */
export async function clientAddress(): Promise<{ ip: string | null; userAgent: string | null }> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || null;
  return { ip: forwarded ? forwarded.slice(0, 64) : null, userAgent: list.get("user-agent")?.slice(0, 300) ?? null };
}
