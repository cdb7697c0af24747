import type { ReactNode } from "react";

export type BadgeTone = "green" | "amber" | "blue" | "violet" | "red" | "zinc";

// Each pair passes WCAG AA for small text in both schemes.
const TONES: Record<BadgeTone, string> = {
  green: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  amber: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-200",
  blue: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-200",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  red: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  zinc: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
};

/** A short coloured label for a status ("Published", "Pending"); the words carry the meaning, not the colour. */
export function Badge({ tone = "zinc", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
