// Three instances of Quire on loopback, one SQLite file, behind Debian's nginx with the
// configuration shipped in docs/deploy/nginx.conf: one site, whichever instance answers.
import { nginxClusterJourney } from "./behind-nginx";

nginxClusterJourney({ postgres: false });
