// `quire reset-password --email E`: the way back in when nobody can sign in to
// reset a password from the admin (no mail server, or the owner is locked out).
import { getUserByEmail } from "../../db/queries/users";
import { hashPassword } from "../../lib/users/password";
import { emailField } from "../../lib/validations/auth";
import { parseFlags, parseFlagValue, requireFlag } from "./args";
import { migrationNote, withMigratedDb } from "./database";
import { CliError } from "./errors";
import { readNewPassword } from "./read-password";
import { resetStaffPassword } from "../../db/queries/users";
import { USAGE } from "./usage";

export async function resetPasswordCommand(args: string[]): Promise<void> {
  const { values, help } = parseFlags("reset-password", args, ["email"]);
  if (help) return void console.log(USAGE);
  const email = parseFlagValue(emailField, requireFlag(values.email, "email"), "email");

  await withMigratedDb(async (_db, applied) => {
    // Looked up before asking for the password, so nobody types one for nothing.
    const user = await getUserByEmail({ email });
    if (!user) throw new CliError(`No user has the email ${email}.`);

    const passwordHash = await hashPassword(await readNewPassword());
    if (!(await resetStaffPassword({ id: user.id, email, passwordHash })))
      throw new CliError(`No user has the email ${email}.`);

    process.stdout.write(migrationNote(applied));
    console.log(`Password reset for ${user.name} <${user.email}>; their existing sessions are signed out.`);
  });
}
