import { ROLES } from "../../db/schema";

export const USAGE = `Usage: npm run quire -- <command> [options]

Commands:
  migrate                      Apply pending database migrations.
  create-user --email E --name N [--role R]
                               Create a staff user. R is one of:
                               ${ROLES.join(", ")} (default: author).
                               The first user must be the owner; there is only one.
  reset-password --email E     Set a new password and sign the user out everywhere.
  help                         Show this text.

Passwords are never taken from the command line: in a terminal you are asked
twice without echo; otherwise the first line of stdin is read, e.g.
  printf '%s\\n' "$PASSWORD" | npm run quire -- reset-password --email ada@example.com

The database is $QUIRE_DATA_DIR/quire.db (default ./data/quire.db).
Exit codes: 0 done, 1 failed, 2 bad command line.`;
