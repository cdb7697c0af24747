// Three instances of Quire on loopback behind Debian's nginx, on one PostgreSQL database:
// each with a data folder of its own (nothing shared but the database, the media folder
// and the secrets they are given), the same journey as on SQLite (nginx.spec.ts). Pages
// published through one are fresh on the others through LISTEN/NOTIFY
// (bin/server/pg-changes.mjs), not a shared file. Skipped, saying why, when the local
// PostgreSQL server does not answer.
import { nginxClusterJourney } from "./behind-nginx";

nginxClusterJourney({ postgres: true });
