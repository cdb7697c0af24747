import { ROLES } from "../../db/schema";

export const USAGE = `Usage: npm run quire -- <command> [options]

Commands:
  migrate                      Apply pending database migrations.
  create-user --email E --name N [--role R]
                               Create a staff user. R is one of:
                               ${ROLES.join(", ")} (default: author).
                               The first user must be the owner; there is only one.
  reset-password --email E     Set a new password and sign the user out everywhere.
  backup [path] [--include-secrets]
                               Copy the database and uploads while the site runs,
                               to path (default ./backups/quire-<UTC time>/).
                               The auth secret is left out unless --include-secrets.
  restore <path>               Check a backup (sha256, integrity, migration level),
                               then swap it in; the old database is kept as
                               quire.db.before-restore-<time>. Stop the server first.
  seed-bench --posts N --comments M [--authors A] [--tags T] [--seed S]
             [--post-comments K] [--data-dir D] [--force]
                               Fill a database with generated benchmark content
                               (defaults: 200 posts, 0 comments, 8 authors, 300 tags);
                               --post-comments: the newest post gets exactly K of them.
                               Refuses a database that has posts unless --force.
  help                         Show this text.

Passwords are never taken from the command line: in a terminal you are asked
twice without echo; otherwise the first line of stdin is read, e.g.
  printf '%s\\n' "$PASSWORD" | npm run quire -- reset-password --email ada@example.com

The database is $QUIRE_DATA_DIR/quire.db (default ./data/quire.db).
Exit codes: 0 done, 1 failed, 2 bad command line.`;
