import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "./env";

/**
 * A secret that survives restarts: the environment variable when set, otherwise a
 * random value generated once and kept in the data folder (readable by the owner only).
 */
export function persistentSecret(name: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const { dataDir } = getEnv();
  const file = path.join(dataDir, `${name}.secret`);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": if two processes race, the loser reads the winner's secret.
    fs.writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
}

export function authSecret(): string {
  return persistentSecret("auth", getEnv().AUTH_SECRET);
}
