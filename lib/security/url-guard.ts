import "server-only";
import dns from "node:dns";
import { BlockList, isIP } from "node:net";

// Outgoing requests to URLs that users supply (webhooks) must not reach the machine
// itself or its private network, unless the owner allows it (tests, a LAN-only install).
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 0 || PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a webhook target is refused, or null when it is acceptable (checked on save). */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://example.com/hook.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Only http and https URLs can receive webhooks.";
  if (url.username || url.password) return "Put credentials in the receiver, not in the URL.";
  return null;
}

/**
 * A `lookup` for node:http that refuses private addresses at connection time, so a
 * name that resolves somewhere else later (DNS rebinding) is still caught.
 */
export function guardedLookup(allowPrivate: boolean): typeof dns.lookup {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as dns.LookupAddress[];
      const refused = !allowPrivate && list.find((entry) => isPrivateAddress(entry.address));
      if (refused) {
        return callback(Object.assign(new Error(`Refused private address ${refused.address}`), { code: "EPRIVATE" }));
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  }) as typeof dns.lookup;
}
