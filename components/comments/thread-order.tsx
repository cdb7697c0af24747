"use client";

import { type ReactNode, useEffect, useState } from "react";

/** Oldest first as rendered; with JavaScript, a toggle shows the newest threads first. */
export function ThreadOrder({ items }: { items: ReactNode[] }) {
  const [newestFirst, setNewestFirst] = useState(false);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <>
      {enhanced && items.length > 1 && (
        <button
          type="button"
          aria-pressed={newestFirst}
          onClick={() => setNewestFirst((value) => !value)}
          className="mb-4 rounded-md border border-zinc-400 px-3 py-1 text-sm"
        >
          Newest first
        </button>
      )}
      <ol className="space-y-6">{newestFirst ? [...items].reverse() : items}</ol>
    </>
  );
}
