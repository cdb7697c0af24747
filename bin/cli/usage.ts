import { DATABASE_FILE_NAME } from "../../db/connection";
import { ROLES } from "../../db/schema";
import { DEFAULT_DATA_DIR } from "../../lib/env";
import { PG_DUMP_NAME } from "./paths";

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
                               On PostgreSQL: pg_dump --format=custom of the database
                               (postgresql-client); the secrets stay in the environment.
  restore <path>               Check a backup (sha256, integrity, migration level),
                               then swap it in; the old database is kept as
                               ${DATABASE_FILE_NAME}.before-restore-<time>. Stop the server first.
                               On PostgreSQL: pg_restore in one transaction, the old
                               database dumped to ${PG_DUMP_NAME}.before-restore-<time>
                               in the data folder; running instances are told to refresh.
  import <file|folder> [--format F] [--media DIR] [--dry-run] [--json] [--workers N]
                               Import a WordPress (WXR), Ghost (JSON), Blogger
                               (Atom) export, Markdown files, or a Quire export
                               (.json, or the .zip of export --zip with its media),
                               all or nothing, then print a report (--json: as
                               JSON). The format is detected unless --format
                               (wordpress|ghost|blogger|markdown|quire) names it. --dry-run
                               reads and reports without writing. --media DIR:
                               a copy of the old site's uploads; the files the
                               export names are stored and links rewritten
                               (nothing is downloaded). Importing the same file
                               again creates nothing new. --workers N: convert
                               the posts in N worker threads (default 0: in the
                               main thread); faster only where cores are free.
  export [FILE] [--format quire|wxr|markdown] [--zip] [--revisions]
                               Write the site's content to FILE (default
                               ./exports/quire-<UTC time>.json|.xml|.zip) while the
                               site runs: quire is Quire's own JSON (--revisions adds
                               post history), wxr is for WordPress's importer,
                               markdown a zip of files for Hugo or Jekyll. --zip adds
                               the media files. No passwords, keys or secrets.
  seed-bench --posts N --comments M [--authors A] [--tags T] [--seed S]
             [--post-comments K] [--data-dir D] [--force]
                               Fill a database with generated benchmark content
                               (defaults: 200 posts, 0 comments, 8 authors, 300 tags);
                               --post-comments: the newest post gets exactly K of them.
                               Refuses a database that has posts unless --force.
  copy-to-postgres --to URL [--data-dir D]
                               Copy every row of the SQLite site into the
                               PostgreSQL database at URL (default: DATABASE_URL),
                               migrated first and holding no site yet, in one
                               transaction. Stop the site first.
  help                         Show this text.

Passwords are never taken from the command line: in a terminal you are asked
twice without echo; otherwise the first line of stdin is read, e.g.
  printf '%s\\n' "$PASSWORD" | npm run quire -- reset-password --email ada@example.com

The database is $QUIRE_DATA_DIR/${DATABASE_FILE_NAME} (default ${DEFAULT_DATA_DIR}/${DATABASE_FILE_NAME}), or the
PostgreSQL database DATABASE_URL=postgres://… names (then AUTH_SECRET, QUIRE_COMMENTS_SECRET
and QUIRE_IP_SALT must be set too, as for the server).
Exit codes: 0 done, 1 failed, 2 bad command line.`;
