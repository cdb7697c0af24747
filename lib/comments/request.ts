import "server-only";
import { headers } from "next/headers";

/**
 * The client's address. bin/server.mjs sets X-Forwarded-For to the socket's address,
 * whatever the client sent; with QUIRE_TRUST_PROXY=1 it keeps the header, and the last
 * entry is the one the reverse proxy appended (earlier ones the client may have
 * written). Only a salted hash of it is ever stored.
 */
export async function clientAddress(): Promise<{ ip: string | null; userAgent: string | null }> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",").at(-1)?.trim() || null;
  return { ip: forwarded ? forwarded.slice(0, 64) : null, userAgent: list.get("user-agent")?.slice(0, 300) ?? null };
}
