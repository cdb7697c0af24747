// The command-line tool, run for real as a child process against a fresh site per test: a data
// folder on SQLite, a database of its own when the file runs on PostgreSQL.
import { verify } from "@node-rs/argon2";
import { describe, expect, test } from "vitest";
import { MIGRATION_COUNT, singleErrorLine } from "./cli-run";
import {
  createOwner,
  freshSite,
  journalLength,
  OTHER_PASSWORD,
  PASSWORD,
  quire,
  siteMigrated,
  siteRows,
  usersIn,
} from "./cli-users";

describe("quire CLI", () => {
  describe("help and usage errors", () => {
    test("help, --help and no command all print the usage", async () => {
      const dir = await freshSite();
      for (const args of [["help"], ["--help"], []]) {
        const result = await quire(dir, args);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Usage: npm run quire -- <command>/);
        for (const command of ["migrate", "create-user", "reset-password", "help"])
          expect(result.stdout).toContain(command);
      }
    });

    test("an unknown command is named, followed by the usage, with exit code 2", async () => {
      const result = await quire(await freshSite(), ["frobnicate"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Unknown command "frobnicate"');
      expect(result.stderr).toContain("Usage:");
      expect(result.stdout).toBe("");
    });

    test("an unknown flag is refused with exit code 2", async () => {
      const dir = await freshSite();
      const result = await quire(dir, [
        "create-user",
        "--email",
        "ada@example.com",
        "--name",
        "Ada",
        "--colour",
        "red",
      ]);
      expect(result.code).toBe(2);
      expect(singleErrorLine(result)).toContain("Unknown option --colour");
      expect(await usersIn(dir)).toEqual([]);
    });

    test("a password given as a flag is refused, not used, and not echoed", async () => {
      const dir = await freshSite();
      for (const flag of [["--password", "hunter2hunter2"], ["--password=hunter2hunter2"]]) {
        const result = await quire(
          dir,
          ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner", ...flag],
          `${PASSWORD}\n`,
        );
        expect(result.code).toBe(2);
        expect(singleErrorLine(result)).toContain("There is no --password flag");
        expect(result.stderr).not.toContain("hunter2");
      }
      expect(await usersIn(dir)).toEqual([]);
    });

    test("a stray argument, perhaps a password in the wrong place, is refused without echoing it", async () => {
      const result = await quire(await freshSite(), ["reset-password", "--email", "ada@example.com", "hunter2hunter2"]);
      expect(result.code).toBe(2);
      expect(singleErrorLine(result)).toContain("takes only --options");
      expect(result.stderr).not.toContain("hunter2");
    });
  });

  describe("migrate", () => {
    test("applies every migration to a fresh folder, and nothing the second time", async () => {
      const dir = await freshSite();
      const first = await quire(dir, ["migrate"]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`Applied ${MIGRATION_COUNT} migration(s)`);
      expect(MIGRATION_COUNT).toBeGreaterThan(0);

      const second = await quire(dir, ["migrate"]);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain("Applied 0 migrations");
      expect(second.stderr).toBe("");

      expect(await journalLength(dir)).toBe(MIGRATION_COUNT);
      expect(await usersIn(dir)).toEqual([]);
    });

    test("takes no options", async () => {
      const result = await quire(await freshSite(), ["migrate", "--force"]);
      expect(result.code).toBe(2);
      expect(singleErrorLine(result)).toContain("Unknown option --force");
    });
  });

  describe("create-user", () => {
    test("creates the owner on a fresh folder, with an argon2id hash of the stdin password", async () => {
      const dir = await freshSite();
      const result = await createOwner(dir, "  Ada@Example.COM ", "Ada Lovelace");
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(`Applied ${MIGRATION_COUNT} database migration(s) first.`);
      expect(result.stdout).toContain("Created owner Ada Lovelace <ada@example.com>");

      const [user, ...others] = await usersIn(dir);
      expect(others).toEqual([]);
      expect(user).toMatchObject({
        email: "ada@example.com",
        name: "Ada Lovelace",
        slug: "ada-lovelace",
        role: "owner",
        session_version: 1,
      });
      expect(user!.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(user!.password_hash, PASSWORD)).toBe(true);

      const audit = await siteRows(dir, "SELECT actor_label, action, target_id FROM audit_log");
      expect(audit).toEqual([{ actor_label: "cli", action: "user.create", target_id: String(user!.id) }]);
    });

    test("creates an author by default once the owner exists, with a slug of its own", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      const result = await quire(
        dir,
        ["create-user", "--email", "ada2@example.com", "--name", "Ada Lovelace"],
        `${OTHER_PASSWORD}\n`,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Created author Ada Lovelace <ada2@example.com>");
      expect(result.stdout).not.toContain("migration");

      const author = (await usersIn(dir))[1]!;
      expect(author).toMatchObject({ email: "ada2@example.com", role: "author", slug: "ada-lovelace-2" });
      expect(await verify(author.password_hash, OTHER_PASSWORD)).toBe(true);
    });

    test("accepts every role but owner once the owner exists", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      for (const role of ["admin", "editor", "contributor"]) {
        const result = await quire(
          dir,
          ["create-user", "--email", `${role}@example.com`, "--name", role, "--role", role],
          `${PASSWORD}\n`,
        );
        expect(result.code).toBe(0);
      }
      expect((await usersIn(dir)).map((u) => u.role)).toEqual(["owner", "admin", "editor", "contributor"]);
    });

    test("uses only the first line of stdin, without its line ending", async () => {
      const dir = await freshSite();
      const result = await quire(
        dir,
        ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner"],
        `${PASSWORD}\r\n${OTHER_PASSWORD}\n`,
      );
      expect(result.code).toBe(0);
      const hash = (await usersIn(dir))[0]!.password_hash;
      expect(await verify(hash, PASSWORD)).toBe(true);
    });

    test("refuses a second owner", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      const result = await createOwner(dir, "grace@example.com", "Grace Hopper");
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("already has an owner");
      expect((await usersIn(dir)).map((u) => u.email)).toEqual(["ada@example.com"]);
    });

    test("refuses anyone but the owner first, since web setup would then never run", async () => {
      const dir = await freshSite();
      const result = await quire(
        dir,
        ["create-user", "--email", "ed@example.com", "--name", "Ed", "--role", "editor"],
        `${PASSWORD}\n`,
      );
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("no owner yet");
      expect(await usersIn(dir)).toEqual([]);
    });

    test("refuses an email that is already taken, whatever its case", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      const result = await quire(
        dir,
        ["create-user", "--email", "ADA@example.com", "--name", "Other Ada"],
        `${PASSWORD}\n`,
      );
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("ada@example.com already exists");
      expect(await usersIn(dir)).toHaveLength(1);
    });

    test("refuses an invalid email, name or role before touching the database", async () => {
      const dir = await freshSite();
      const cases: [string[], string][] = [
        [["--email", "ada@", "--name", "Ada"], "Enter a valid email address"],
        [["--email", "ada@example.com", "--name", "   "], "Enter a name."],
        [
          ["--email", "ada@example.com", "--name", "Ada", "--role", "superuser"],
          "--role must be one of: owner, admin, editor, author, contributor",
        ],
        [["--name", "Ada"], "Missing --email"],
        [["--email", "ada@example.com"], "Missing --name"],
        [["--email", "--name", "Ada"], "--email needs a value"],
      ];
      for (const [args, message] of cases) {
        const result = await quire(dir, ["create-user", ...args], `${PASSWORD}\n`);
        expect(result.code, args.join(" ")).toBe(2);
        expect(singleErrorLine(result)).toContain(message);
      }
      expect(await siteMigrated(dir)).toBe(false);
    }, 60_000); // six commands, one after the other

    test("refuses a password shorter than the web forms accept", async () => {
      const dir = await freshSite();
      const result = await quire(
        dir,
        ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner"],
        "short\n",
      );
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("Use at least 10 characters.");
      expect(await usersIn(dir)).toEqual([]);
    });

    test("refuses to run without a password on stdin", async () => {
      const dir = await freshSite();
      for (const stdin of ["", "\n"]) {
        const result = await quire(
          dir,
          ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner"],
          stdin,
        );
        expect(result.code).toBe(1);
        expect(singleErrorLine(result)).toMatch(/No password on stdin|Use at least 10 characters/);
      }
      expect(await usersIn(dir)).toEqual([]);
    });
  });

  describe("reset-password", () => {
    test("sets the new password and ends the user's sessions", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      const before = (await usersIn(dir))[0]!;

      const result = await quire(dir, ["reset-password", "--email", "ADA@example.com"], `${OTHER_PASSWORD}\n`);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("Password reset for Ada Lovelace <ada@example.com>");

      const after = (await usersIn(dir))[0]!;
      expect(after.session_version).toBe(before.session_version + 1);
      expect(after.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(after.password_hash, OTHER_PASSWORD)).toBe(true);
      expect(await verify(after.password_hash, PASSWORD)).toBe(false);

      const actions = await siteRows(dir, "SELECT actor_label, action FROM audit_log ORDER BY id");
      expect(actions).toEqual([
        { actor_label: "cli", action: "user.create" },
        { actor_label: "cli", action: "user.password_reset" },
      ]);
    });

    test("an unknown email is a clear failure", async () => {
      const dir = await freshSite();
      const result = await quire(dir, ["reset-password", "--email", "nobody@example.com"], `${OTHER_PASSWORD}\n`);
      expect(result.code).toBe(1);
      expect(singleErrorLine(result)).toContain("No user has the email nobody@example.com");
      expect(result.stdout).toBe("");
    });

    test("a short or missing password changes nothing", async () => {
      const dir = await freshSite();
      expect((await createOwner(dir)).code).toBe(0);
      const before = (await usersIn(dir))[0]!;
      for (const [stdin, message] of [
        ["short\n", "Use at least 10 characters."],
        ["", "No password on stdin"],
      ] as const) {
        const result = await quire(dir, ["reset-password", "--email", "ada@example.com"], stdin);
        expect(result.code).toBe(1);
        expect(singleErrorLine(result)).toContain(message);
      }
      expect((await usersIn(dir))[0]).toEqual(before);
    });

    test("refuses an invalid email or a missing --email with exit code 2", async () => {
      const dir = await freshSite();
      for (const args of [["--email", "not-an-email"], []]) {
        const result = await quire(dir, ["reset-password", ...args], `${OTHER_PASSWORD}\n`);
        expect(result.code).toBe(2);
        singleErrorLine(result);
      }
    });
  });
});
