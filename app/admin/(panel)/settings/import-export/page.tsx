import type { Metadata } from "next";
import Link from "next/link";
import { ImportLimitForm, StartImportForm } from "@/components/admin/import-forms";
import { ImportProgress } from "@/components/admin/import-progress";
import { ImportReportView } from "./report-view";
import { ImportUploadForm } from "@/components/admin/import-upload-form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { getImportJob, latestImportJob } from "@/db/queries/import-jobs";
import { getSettings } from "@/db/queries/settings";
import { startImportAction, updateImportLimitAction } from "@/lib/actions/import-export";
import { hasRole } from "@/lib/authz";
import { currentState } from "@/lib/jobs/import-job";
import { requireStaff } from "@/lib/page-guards";
import type { ImportReport } from "@/lib/transfer/report";

export const metadata: Metadata = { title: "Import / Export · Quire" };

const EXPORT_OPTIONS = [
  { value: "quire", label: "Quire JSON (everything but media files)" },
  { value: "quire-zip", label: "Quire JSON + media files (zip)" },
  { value: "wxr", label: "WordPress WXR 1.2 (.xml)" },
  { value: "markdown", label: "Markdown files with front matter (zip)" },
];

export default async function ImportExportPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const user = await requireStaff("/admin/settings/import-export");
  if (!hasRole(user, "admin")) {
    return <p role="alert">Only administrators can import and export the site.</p>;
  }
  const { job: jobId } = await searchParams;
  const found = typeof jobId === "string" ? await getImportJob(jobId.slice(0, 64)) : await latestImportJob();
  const job = found && (await currentState(found));
  const maxMegabytes = (await getSettings()).importMaxMegabytes;

  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Import / Export</h1>
      <p className="mb-6 text-sm">
        <Link href="/admin/settings" className="underline">
          Back to settings
        </Link>
      </p>

      <section aria-labelledby="export-heading" className="mb-10 space-y-4">
        <h2 id="export-heading" className="text-xl font-semibold">
          Export
        </h2>
        <p className="max-w-2xl text-sm">
          Everything on the site in a portable file (docs/export-format.md). Quire and WordPress exports hold staff and
          commenter e-mail addresses: keep them private.
        </p>
        <form method="post" action="/api/import-export/export" className="max-w-2xl space-y-4">
          <Select label="Format" name="format" options={EXPORT_OPTIONS} defaultValue="quire" />
          <Button type="submit">Download export</Button>
        </form>
      </section>

      <section aria-labelledby="import-heading" className="space-y-6">
        <h2 id="import-heading" className="text-xl font-semibold">
          Import
        </h2>
        {job && <JobPanel job={job} />}
        {(!job || !["queued", "running"].includes(job.status)) && <ImportUploadForm maxMegabytes={maxMegabytes} />}
        <ImportLimitForm action={updateImportLimitAction} current={String(maxMegabytes)} />
      </section>
    </>
  );
}

function JobPanel({ job }: { job: Awaited<ReturnType<typeof currentState>> }) {
  const reportLink = (
    <a href={`/api/import-export/jobs/${job.id}/report`} className="underline" download>
      Download report (JSON)
    </a>
  );
  switch (job.status) {
    case "checked":
      return (
        <div className="space-y-4 rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
          <ImportReportView
            report={job.dryRunReport as unknown as ImportReport}
            heading="Dry run: what importing this file would do (nothing written yet)"
          />
          <StartImportForm action={startImportAction} id={job.id} />
        </div>
      );
    case "queued":
    case "running":
      return (
        <div className="space-y-2">
          <h3 className="text-lg font-semibold">Importing {job.fileName}</h3>
          <ImportProgress
            id={job.id}
            initial={{ status: job.status, phase: job.phase, done: job.done, total: job.total, error: job.error }}
          />
        </div>
      );
    case "done":
      return (
        <div className="space-y-3 rounded-md border border-zinc-300 p-4 dark:border-zinc-700">
          <p role="status">Import finished: {job.fileName}.</p>
          <ImportReportView report={job.report as unknown as ImportReport} heading="Import report" />
          <p className="text-sm">{reportLink}</p>
        </div>
      );
    case "failed":
      return (
        <div className="space-y-2">
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
            The import of {job.fileName} failed: {job.error}
          </p>
          <p className="text-sm">{reportLink}</p>
        </div>
      );
  }
}
