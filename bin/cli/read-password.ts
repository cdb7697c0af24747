import { newPasswordField } from "../../lib/validations/auth";
import { CliError } from "./errors";

// Enough for any valid password (the policy allows 200): a longer line is
// rejected by validation rather than buffered without end.
const MAX_LINE = 1024;

/**
 * The new password, never from argv (it would land in shell history and `ps`):
 * asked twice without echo in a terminal, else the first line of stdin.
 * Checked against the same policy as the web forms.
 */
export async function readNewPassword(): Promise<string> {
  const password = process.stdin.isTTY ? await promptTwice() : await readFirstLine();
  const parsed = newPasswordField.safeParse(password);
  if (!parsed.success) throw new CliError(`Password: ${parsed.error.issues[0]?.message ?? "not accepted."}`);
  return parsed.data;
}

async function promptTwice(): Promise<string> {
  const first = await promptHidden("New password: ");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new CliError("The passwords do not match; nothing was changed.");
  return first;
}

function readFirstLine(): Promise<string> {
  const input = process.stdin;
  input.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let buffered = "";
    const finish = (line: string | null) => {
      input.off("data", onData).off("end", onEnd).off("error", onError);
      // Paused, stdin no longer holds the process open.
      input.pause();
      if (line === null)
        reject(new CliError("No password on stdin: pipe it as the first line, or run in a terminal to be asked."));
      else resolve(line.replace(/\r$/, ""));
    };
    const onData = (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf("\n");
      if (end >= 0) finish(buffered.slice(0, end));
      else if (buffered.length > MAX_LINE) finish(buffered);
    };
    const onEnd = () => finish(buffered === "" ? null : buffered);
    const onError = (error: Error) => reject(new CliError(`Could not read stdin: ${error.message}`));
    input.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/** Reads one line in raw mode, so the terminal shows nothing of what is typed. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  input.setEncoding("utf8");
  // Echo off before the prompt shows: typing that starts the moment the prompt
  // appears (a loaded machine, a script) must not be echoed either.
  input.setRawMode(true);
  input.resume();
  // The prompt goes to stderr: stdout stays for the result.
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: CliError) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      // Arrow and function keys arrive as escape sequences: not part of a password.
      if (chunk.startsWith("\u001b")) return;
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish();
        // Raw mode turns Ctrl-C into a plain byte instead of SIGINT.
        if (char === "\u0003") return finish(new CliError("Cancelled.", 130));
        if (char === "\u0004" && value === "") return finish(new CliError("Cancelled."));
        if (char === "\u007f" || char === "\b") value = Array.from(value).slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    input.on("data", onData);
  });
}
