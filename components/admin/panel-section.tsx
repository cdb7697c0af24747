import type { ReactNode } from "react";

/** The framed box of one item in an admin list or dashboard (a tag, a person, an integration). */
export const CARD_CLASS = "rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";

/** A titled part of an admin page, named by its heading for screen readers. */
export function PanelSection({
  id,
  title,
  className = "mt-8",
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
