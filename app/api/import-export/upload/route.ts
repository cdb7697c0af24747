// POST /api/import-export/upload?name=FILE — the body is the file itself (no multipart, so
// nothing holds it in memory). Owner and administrators only, from this site's admin.
// The file is counted into the data folder, checked by a dry run, and kept as a
// "checked" job the person confirms on the page (lib/actions/import-job.ts).
import { handleImportUpload } from "@/lib/import-export/upload";

export const POST = handleImportUpload;
