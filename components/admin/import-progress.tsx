"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Status = { status: string; phase: string | null; done: number; total: number; error: string | null };

const PHASES: Record<string, string> = { reading: "Reading the file", converting: "Converting", writing: "Writing" };

/** Follows a running import once a second; when it ends, the page is rendered again with its report. */
export function ImportProgress({ id, initial }: { id: string; initial: Status }) {
  const router = useRouter();
  const [state, setState] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/import-export/jobs/${id}`, { cache: "no-store" }).catch(() => null);
      if (stopped || !response?.ok) return;
      const next = (await response.json()) as Status;
      setState(next);
      if (next.status === "done" || next.status === "failed") {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id, router]);

  const phase = state.phase ? (PHASES[state.phase] ?? state.phase) : "Waiting to start";
  const label = state.total > 0 ? `${phase}: ${state.done} of ${state.total}` : `${phase}…`;
  return (
    <div className="max-w-2xl space-y-2" aria-live="polite">
      <label htmlFor="import-progress" className="block text-sm font-medium">
        {label}
      </label>
      <progress
        id="import-progress"
        className="w-full"
        max={state.total || undefined}
        value={state.total ? state.done : undefined}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        You can leave or reload this page: the import goes on, and this page shows where it is.
      </p>
    </div>
  );
}
