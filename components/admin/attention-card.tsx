import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** One thing on the dashboard that may need the person: a count, what it is, and where to act. */
export function AttentionCard({
  id,
  title,
  icon: Icon,
  count,
  urgent,
  children,
}: {
  id: string;
  title: string;
  icon: LucideIcon;
  count?: number;
  /** Coloured when something is waiting; calm when all is done. */
  urgent: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border p-4 ${
        urgent
          ? "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40"
          : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      }`}
    >
      <div className="flex items-center gap-2">
        <Icon className="size-4 shrink-0" aria-hidden />
        <h3 id={id} className="flex-1 font-semibold">
          {title}
        </h3>
        {count !== undefined && <p className="text-2xl font-bold tabular-nums">{count}</p>}
      </div>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}
