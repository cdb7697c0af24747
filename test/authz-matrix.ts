import fs from "node:fs";
import path from "node:path";
import type { SessionUser } from "@/lib/session";
import { COMMENTS, MEDIA, PEOPLE, POSTS, TOKENS } from "./admin-fixture";

// The whole-app authorisation matrix's shared parts: who acts, on what, and the list of
// every entry point it must cover, read from the file system.

const WRONG_TOKEN = "someone-elses-token-0123456789abcdef";
const other = {
  draft: POSTS.otherDraft.id,
  published: POSTS.otherPublished.id,
  revision: 31,
  comment: COMMENTS.onOthers,
  approvedComment: COMMENTS.approvedOnOthers,
  media: MEDIA.contributors,
};
const tokens = (holds: boolean) => ({ commentToken: holds ? TOKENS.comment : WRONG_TOKEN, holdsReaderTokens: holds });

/** Who acts, and on which rows: their own where they have them, otherwise someone else's. */
export const ACTORS = {
  anonymous: { user: null, ...other, ...tokens(false) },
  "reader (comment token)": { user: null, ...other, ...tokens(true) },
  contributor: {
    user: PEOPLE.contributor,
    ...other,
    draft: POSTS.contributorDraft.id,
    published: POSTS.contributorPublished.id,
    revision: 32,
    ...tokens(false),
  },
  "author (own)": {
    user: PEOPLE.author,
    draft: POSTS.authorDraft.id,
    published: POSTS.authorPublished.id,
    revision: 33,
    comment: COMMENTS.readerOnAuthors,
    approvedComment: COMMENTS.approvedOnAuthors,
    media: MEDIA.authors,
    ...tokens(false),
  },
  "author (another's)": { user: PEOPLE.author, ...other, ...tokens(false) },
  editor: { user: PEOPLE.editor, ...other, ...tokens(false) },
  admin: { user: PEOPLE.admin, ...other, ...tokens(false) },
  owner: { user: PEOPLE.owner, ...other, ...tokens(false) },
} satisfies Record<string, Target>;

export type Target = {
  user: SessionUser | null;
  draft: number;
  published: number;
  revision: number;
  comment: number;
  approvedComment: number;
  media: number;
  commentToken: string;
  holdsReaderTokens: boolean;
};
export type ActorName = keyof typeof ACTORS;

const all = (...names: ActorName[]) => new Set<ActorName>(names);
export const EVERYONE = new Set(Object.keys(ACTORS) as ActorName[]);
export const NOBODY = all();
export const READER = all("reader (comment token)");
export const STAFF = all("contributor", "author (own)", "author (another's)", "editor", "admin", "owner");
export const STAFF_EDIT = all("contributor", "author (own)", "editor", "admin", "owner");
export const PUBLISHERS = all("author (own)", "editor", "admin", "owner");
export const EDITORS = all("editor", "admin", "owner");
export const ADMINS = all("admin", "owner");
export const OWNER = all("owner");

/**
 * One row of the matrix. `entry` is the server action itself, or "<route file> <METHOD>"
 * for a route handler. `run` answers ok when the call was allowed. An allowed call
 * must change the database, a refused one must leave it byte for byte as it was;
 * `reads` marks entry points that never write (a preview, a lookup, sign-in with JWT
 * sessions), which must leave it unchanged either way.
 */
export type MatrixRow = {
  what: string;
  entry: unknown;
  run: (t: Target) => Promise<{ ok: boolean }>;
  allowed: Set<ActorName>;
  reads?: boolean;
};

/** The site the route handlers are called on, as the Origin a same-site request carries. */
export const SITE = "http://blog.example";

/** A route handler's answer as a matrix result. */
export const ok = (response: Response) => ({ ok: response.ok });

/** A redirect() at the end of an action is its success. */
export async function settle(call: Promise<{ ok: boolean }>): Promise<{ ok: boolean }> {
  try {
    return await call;
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true };
    throw error;
  }
}

const ROOT = path.resolve(import.meta.dirname, "..");

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(dir, file))
    .filter((file) => test(file) && fs.statSync(path.join(ROOT, file)).isFile());
}

/** Every module with a "use server" directive under app/ and lib/. */
export function serverActionFiles(): string[] {
  return [...filesUnder("app", () => true), ...filesUnder("lib", () => true)]
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
}

/** "app/…/route.ts METHOD" for every route handler that answers a mutating method. */
export function mutatingRoutes(): string[] {
  const routes: string[] = [];
  for (const file of filesUnder("app", (f) => /(^|\/)route\.tsx?$/.test(f))) {
    const source = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      if (
        new RegExp(
          `export\\s+(async\\s+function|const|function)\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b`,
        ).test(source)
      )
        routes.push(`${file} ${method}`);
    }
  }
  return routes.sort();
}
