// `quire create-user --email E --name N [--role R]`: adds a staff user, e.g. the
// owner of a site set up from a script, or a recovery admin.
import { ROLES, type Role } from "../../db/schema";
import { hashPassword } from "../../lib/users/password";
import { slugify } from "../../lib/posts/slug";
import { emailField, nameField } from "../../lib/validations/auth";
import { parseFlags, parseFlagValue, requireFlag } from "./args";
import { migrationNote, withMigratedDb } from "./database";
import { CliError, UsageError } from "./errors";
import { readNewPassword } from "./read-password";
import { createStaffUser, staffCheck, type StaffCheck } from "../../db/queries/users";
import { USAGE } from "./usage";

const REFUSALS: Record<StaffCheck, (email: string) => string> = {
  email_taken: (email) => `A user with the email ${email} already exists.`,
  owner_exists: () => "This site already has an owner; there can be only one. Choose another --role.",
  no_owner_yet: () =>
    "This site has no owner yet: create the owner first (--role owner), or finish setup in the browser.",
};

function parseRole(value: string | undefined): Role {
  if (value === undefined) return "author";
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new UsageError(`--role must be one of: ${ROLES.join(", ")}.`);
}

export async function createUserCommand(args: string[]): Promise<void> {
  const { values, help } = parseFlags("create-user", args, ["email", "name", "role"]);
  if (help) return void console.log(USAGE);
  const email = parseFlagValue(emailField, requireFlag(values.email, "email"), "email");
  const name = parseFlagValue(nameField, requireFlag(values.name, "name"), "name");
  const role = parseRole(values.role);

  await withMigratedDb(async (db, applied) => {
    // Checked before asking for the password, so nobody types one for nothing;
    // checked again inside the insert's transaction.
    const early = await staffCheck(db, { email, role });
    if (early) throw new CliError(REFUSALS[early](email));

    const passwordHash = await hashPassword(await readNewPassword());
    const result = await createStaffUser({ email, name, role, passwordHash, slugBase: slugify(name) });
    if (!result.ok) throw new CliError(REFUSALS[result.reason](email));

    const { user } = result;
    process.stdout.write(migrationNote(applied));
    console.log(`Created ${user.role} ${user.name} <${user.email}> (author page slug "${user.slug}").`);
  });
}
