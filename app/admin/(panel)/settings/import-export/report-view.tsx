import type { ImportReport } from "@/lib/transfer/report";

const MAX_SHOWN = 50;

function Counts({ label, values }: { label: string; values: Record<string, number> }) {
  const entries = Object.entries(values).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd className="mb-2">{entries.map(([kind, n]) => `${n} ${kind}`).join(", ")}</dd>
    </>
  );
}

const percent = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 2)} %`;

/** An import's report (or its dry run's), as lib/transfer/report.ts's formatReport says it, on the page. */
export function ImportReportView({ report, heading }: { report: ImportReport; heading: string }) {
  const { words, skipped } = report;
  return (
    <section aria-labelledby="import-report" className="max-w-3xl space-y-3 text-sm">
      <h3 id="import-report" className="text-lg font-semibold">
        {heading}
      </h3>
      <p>
        {report.file} ({report.format}), {(report.durationMs / 1000).toFixed(1)} s
      </p>
      <dl>
        <Counts label="Read" values={report.parsed} />
        <Counts label={report.dryRun ? "Would create" : "Created"} values={report.created} />
        <Counts label="Already imported (nothing new)" values={report.alreadyImported} />
        <Counts label="Merged into existing" values={report.merged} />
        <dt className="font-medium">Redirects from old addresses</dt>
        <dd className="mb-2">
          {report.redirects.created} {report.dryRun ? "to make" : "made"}
          {report.redirects.alreadyTaken > 0 && `, ${report.redirects.alreadyTaken} old addresses already in use`}
        </dd>
        <dt className="font-medium">Words preserved</dt>
        <dd className="mb-2">
          {percent(words.share)} of {words.total} source words; {words.posts.length - words.postsBelow99} of{" "}
          {words.posts.length} posts keep at least 99 %
        </dd>
        <dt className="font-medium">Skipped</dt>
        <dd className="mb-2">{skipped.total}</dd>
      </dl>
      {skipped.total > 0 && (
        <>
          <h4 className="font-semibold">Skipped, with the reason</h4>
          <ul className="list-disc pl-6">
            {Object.entries(skipped.byReason).map(([reason, n]) => (
              <li key={reason}>
                {n} × {reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h4 className="font-semibold">Warnings ({report.warnings.length})</h4>
          <ul className="list-disc pl-6">
            {report.warnings.slice(0, MAX_SHOWN).map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </>
      )}
      {report.notes.length > 0 && (
        <>
          <h4 className="font-semibold">Notes ({report.notes.length})</h4>
          <ul className="list-disc pl-6">
            {report.notes.slice(0, MAX_SHOWN).map(({ item, note }, i) => (
              <li key={i}>
                {item}: {note}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.remoteMedia.length > 0 && (
        <p>
          {report.remoteMedia.length} remote media files are kept as links to their old address (the full list is in the
          downloadable report).
        </p>
      )}
    </section>
  );
}
