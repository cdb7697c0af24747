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

/** The project files `file` imports, and whether it is in db/ or starts a process itself. */
function importsOf(file: string, root: string): { targets: string[]; direct: boolean } {
  if (path.relative(root, file).startsWith(`db${path.sep}`)) return { targets: [], direct: true };
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  const names = importedFiles.map(({ fileName }) => fileName);
  return {
    targets: names.map((name) => resolve(file, name, root)).filter((target) => target !== undefined),
    direct: names.some((name) => name === "node:child_process" || name === "child_process"),
  };
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

/**
 * The Vitest files under `root` that reach the database, relative to it: the import graph of
 * every test file is read whole, then walked backwards from the files that touch the database
 * or start a process (a walk forwards would have to settle import cycles half-way).
 */
export function databaseTestFiles(root: string): string[] {
  const tests = testFilesUnder(root, root).map((file) => path.join(root, file));
  const importers = new Map<string, string[]>();
  const direct: string[] = [];
  const read = new Set<string>();
  const toRead = [...tests];
  for (let file = toRead.pop(); file !== undefined; file = toRead.pop()) {
    if (read.has(file)) continue;
    read.add(file);
    const { targets, direct: touches } = importsOf(file, root);
    if (touches) direct.push(file);
    for (const target of targets) {
      importers.set(target, [...(importers.get(target) ?? []), file]);
      toRead.push(target);
    }
  }
  const reaching = new Set(direct);
  for (let file = direct.pop(); file !== undefined; file = direct.pop())
    for (const importer of importers.get(file) ?? [])
      if (!reaching.has(importer)) {
        reaching.add(importer);
        direct.push(importer);
      }
  return tests.filter((file) => reaching.has(file)).map((file) => path.relative(root, file));
}
