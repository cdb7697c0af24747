// `quire copy-to-postgres`, run as an operator would: a SQLite site made with the CLI, copied
// into a fresh PostgreSQL database, then refused a second time. Skipped, saying so, when no
// PostgreSQL server answers.
import { describe, expect, it } from "vitest";
import { quire, singleErrorLine, tempDir } from "./cli-run";
import { connectTo, POSTGRES_MISSING, postgresAnswers, usePgSite } from "./postgres";

const reachable = await postgresAnswers();
// The site being copied is SQLite's, whatever database this test file's own pass runs on.
const onSqlite = { DATABASE_URL: "" };

describe.skipIf(!reachable)("quire copy-to-postgres", () => {
  const target = usePgSite({ prefix: "quire_copycli", migrate: false });

  it("copies a SQLite site into an empty database, then refuses to copy over it", async () => {
    const dataDir = tempDir();
    const owner = await quire(
      dataDir,
      ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner"],
      {
        stdin: "a long enough password\n",
        env: onSqlite,
      },
    );
    expect(owner.code).toBe(0);

    const copied = await quire(dataDir, ["copy-to-postgres", "--to", target.url], { env: onSqlite });
    expect(copied.stderr).toBe("");
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/^Copied \d+ rows from .*quire\.db to postgres:\/\/postgres@.* users 1/);
    const client = await connectTo(target.database);
    try {
      const { rows } = await client.query("SELECT email, role FROM users");
      expect(rows).toEqual([{ email: "ada@example.com", role: "owner" }]);
    } finally {
      await client.end();
    }

    const again = await quire(dataDir, ["copy-to-postgres", "--to", target.url], { env: onSqlite });
    expect(again.code).toBe(1);
    expect(singleErrorLine(again)).toMatch(/already holds a site \(users or posts\): copy into an empty database\.$/);
  });

  it("names what is wrong with the command line or the folder, in one line", async () => {
    const empty = tempDir();
    const notPostgres = await quire(empty, ["copy-to-postgres", "--to", "mysql://root@localhost/quire"], {
      env: onSqlite,
    });
    expect(notPostgres.code).toBe(2);
    expect(singleErrorLine(notPostgres)).toBe("quire: --to must be a postgres:// URL");

    const noSite = await quire(empty, ["copy-to-postgres", "--to", target.url], { env: onSqlite });
    expect(noSite.code).toBe(1);
    expect(singleErrorLine(noSite)).toMatch(/^quire: There is no SQLite database at .*quire\.db\.$/);
  });
});

if (!reachable) it.skip(`${POSTGRES_MISSING}: copy-to-postgres not tried`, () => {});
