import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

/**
 * A secret that survives restarts: the environment variable when set, otherwise a
 * random value generated once and kept in the data folder (readable by the owner only).
 * One per site, also when several processes start at once on a new data folder.
 */
export function persistentSecret(name: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const { dataDir } = getEnv();
  const file = path.join(dataDir, `${name}.secret`);
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  // Written in full under a name of its own, then linked into place: the file appears
  // complete or not at all (created with "wx" and then written, a racing process could
  // read it empty). link() fails when the name exists, so the first process wins and
  // the others read the winner's secret.
  const secret = randomBytes(32).toString("base64url");
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fd = fs.openSync(draft, "wx", 0o600);
  try {
    fs.writeSync(fd, `${secret}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner) throw new Error(`${file} is empty: delete it to have a new secret generated.`);
    return winner;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readSecret(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return null;
  }
}

export function authSecret(): string {
  return persistentSecret("auth", getEnv().AUTH_SECRET);
}
