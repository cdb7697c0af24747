// GET /api/import-export/jobs/ID/report — the import's report (or its dry run's) as a JSON download.
import { readImportJob } from "@/lib/import-export/read-access";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const job = await readImportJob(request, (await params).id);
  if (job instanceof Response) return job;
  const report = job.report ?? job.dryRunReport;
  const name = `import-report-${job.createdAt.toISOString().slice(0, 10)}${job.report ? "" : "-dry-run"}.json`;
  return new Response(JSON.stringify({ status: job.status, error: job.error, report }, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
