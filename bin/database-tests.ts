// Which Vitest files the PostgreSQL pass of `npm test` runs: those whose imports reach the
// data layer (db/) or start other processes (which inherit the file's DATABASE_URL). The
// rest (Markdown, sanitising, zip and feed code, …) cannot behave differently on another
// database, and running them twice cost minutes of CI for nothing.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];

/** The file an import specifier names, or undefined for a package (or a file that is not there). */
function resolve(from: string, specifier: string, root: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  // "./x.js" in TypeScript source names ./x.ts.
  if (/\.m?js$/.test(base)) candidates.push(base.replace(/\.(m?)js$/, ".$1ts"));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** Whether the database or a child process is reachable from `file` through its imports. */
export function reachesDatabase(file: string, root: string, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // an import cycle adds nothing
  const relative = path.relative(root, file);
  if (relative.startsWith(`db${path.sep}`)) {
    seen.set(file, true);
    return true;
  }
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  const reaches = importedFiles.some(({ fileName }) => {
    if (fileName === "node:child_process" || fileName === "child_process") return true;
    const target = resolve(file, fileName, root);
    return target !== undefined && reachesDatabase(target, root, seen);
  });
  seen.set(file, reaches);
  return reaches;
}

// Where vitest.config.mts does not look for tests.
const NOT_TESTS = new Set(["node_modules", "e2e", ".next", ".git"]);

function testFilesUnder(dir: string, root: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return NOT_TESTS.has(entry.name) ? [] : testFilesUnder(full, root);
    return entry.name.endsWith(".test.ts") ? [path.relative(root, full)] : [];
  });
}

/** The Vitest files under `root` that reach the database, relative to it. */
export function databaseTestFiles(root: string): string[] {
  const seen = new Map<string, boolean>();
  return testFilesUnder(root, root).filter((file) => reachesDatabase(path.join(root, file), root, seen));
}
