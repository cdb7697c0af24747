"use client";

import { Tooltip } from "./tooltip";

/**
 * A relative time ("3 hours ago") that shows the exact time in a tooltip on hover and on keyboard
 * focus (so it takes a tab stop). The <time dateTime> stays for machines and screen readers.
 */
export function TimeWithTooltip({ iso, text, exact }: { iso: string; text: string; exact: string }) {
  return (
    <Tooltip content={exact}>
      {/* In a client component the browser's "now" may differ from the server's by a minute. */}
      <time
        dateTime={iso}
        tabIndex={0}
        suppressHydrationWarning
        className="rounded-sm underline decoration-dotted underline-offset-2"
      >
        {text}
      </time>
    </Tooltip>
  );
}
