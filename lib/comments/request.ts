import "server-only";
import { headers } from "next/headers";

export type Client = { ip: string | null; userAgent: string | null };

/**
 * The client's address. bin/server.mjs sets X-Forwarded-For to the socket's address,
 * whatever the client sent; with QUIRE_TRUST_PROXY=1 it keeps the header, and the last
 * entry is the one the reverse proxy appended (earlier ones the client may have
 * written). Only a salted hash of it is ever stored.
 */
export function clientOf(list: Headers): Client {
  const forwarded = list.get("x-forwarded-for")?.split(",").at(-1)?.trim() || null;
  return { ip: forwarded ? forwarded.slice(0, 64) : null, userAgent: list.get("user-agent")?.slice(0, 300) ?? null };
}

/** The same, read from the request Next.js is handling (server actions and pages). */
export async function clientAddress(): Promise<Client> {
  return clientOf(await headers());
}
