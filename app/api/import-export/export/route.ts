// POST /api/import-export/export (a form: format) — the site's content as a download.
// Owner and administrators only. The export is written to a file in the data folder
// (runExport streams it there with bounded memory), streamed to the response, then removed.
import { handleExportDownload } from "@/lib/import-export/export";

export const POST = handleExportDownload;
