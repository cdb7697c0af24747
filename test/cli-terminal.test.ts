// The CLI in a real terminal: the password is asked twice and never shown.
import { spawn, spawnSync } from "node:child_process";
import { verify } from "@node-rs/argon2";
import { describe, expect, test } from "vitest";
import { CLI_COMMAND, cliEnv, ROOT, type Result } from "./cli-run";
import { createOwner, freshSite, OTHER_PASSWORD, PASSWORD, usersIn } from "./cli-users";

// In a terminal the password is asked twice, without echo. `script` gives the CLI a real pty;
// skipped only where util-linux's `script` is missing (Debian has it, so CI runs it).
const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs `quire <args>` in a pseudo-terminal, answering each password prompt in turn. */
function quireInTerminal(dataDir: string, args: string[], answers: string[]): Promise<Result> {
  const command = [...CLI_COMMAND, ...args].map((part) => `'${part}'`).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      cwd: ROOT,
      env: cliEnv(dataDir),
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    let output = "";
    let answered = 0;
    child.stdout.on("data", (chunk) => {
      output += chunk;
      // Typing only after the prompt appears: before it, the terminal would still echo.
      const prompts = output.match(/password: /gi)?.length ?? 0;
      while (answered < Math.min(prompts, answers.length)) child.stdin.write(`${answers[answered++]}\r`);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: output, stderr: "" });
    });
  });
}

describe.skipIf(!hasScript)("quire CLI in a terminal", () => {
  test("asks for the password twice and never shows it", async () => {
    const dir = await freshSite();
    const result = await quireInTerminal(
      dir,
      ["create-user", "--email", "ada@example.com", "--name", "Ada", "--role", "owner"],
      [PASSWORD, PASSWORD],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("New password: ");
    expect(result.stdout).toContain("Repeat the password: ");
    expect(result.stdout).toContain("Created owner Ada <ada@example.com>");
    expect(result.stdout).not.toContain(PASSWORD);
    expect(await verify((await usersIn(dir))[0]!.password_hash, PASSWORD)).toBe(true);
  });

  test("refuses two different passwords", async () => {
    const dir = await freshSite();
    expect((await createOwner(dir)).code).toBe(0);
    const before = (await usersIn(dir))[0]!;
    const result = await quireInTerminal(
      dir,
      ["reset-password", "--email", "ada@example.com"],
      [OTHER_PASSWORD, `${OTHER_PASSWORD}!`],
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("The passwords do not match");
    expect(result.stdout).not.toContain(OTHER_PASSWORD);
    expect((await usersIn(dir))[0]).toEqual(before);
  });
});
