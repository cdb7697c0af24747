// GET /api/import-export/jobs/ID — an import job's progress, for the admin page to poll.
import { readImportJob } from "@/lib/import-export/read-access";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const job = await readImportJob(request, (await params).id);
  if (job instanceof Response) return job;
  return Response.json(
    { status: job.status, phase: job.phase, done: job.done, total: job.total, error: job.error },
    { headers: { "cache-control": "no-store" } },
  );
}
