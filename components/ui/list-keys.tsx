"use client";

import { type RefObject, useEffect } from "react";

// Moving through a long list without tabbing through every control in every row. Rows carry
// data-row; in each, data-row-focus marks where focus lands (the title link) and data-row-select the
// row's checkbox. j/k and ArrowDown/ArrowUp (the latter only on a row's focus target, so they still
// scroll the page elsewhere) move between rows; x toggles the focused row's checkbox, through a
// click, so the list's own change handler (the bulk bar's count) hears it.
const TYPING = 'input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable]';

export function useListKeys(list: RefObject<HTMLElement | null>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING) || !list.current) return;
      const rows = [...list.current.querySelectorAll<HTMLElement>("[data-row]")];
      const current = rows.findIndex((row) => row.contains(target));
      const onFocusTarget = current >= 0 && target?.matches("[data-row-focus]");
      const step =
        event.key === "j" || (event.key === "ArrowDown" && onFocusTarget)
          ? 1
          : event.key === "k" || (event.key === "ArrowUp" && onFocusTarget)
            ? -1
            : 0;
      if (step !== 0) {
        const next = rows[current < 0 ? (step > 0 ? 0 : rows.length - 1) : current + step];
        if (!next) return;
        event.preventDefault();
        next.querySelector<HTMLElement>("[data-row-focus]")?.focus();
      } else if (event.key === "x" && current >= 0) {
        event.preventDefault();
        rows[current]?.querySelector<HTMLInputElement>("[data-row-select]")?.click();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [list]);
}

function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-600">{children}</kbd>;
}

/** The keys, listed where the list is, in a disclosure that stays out of the way. */
export function ListKeysHint() {
  return (
    <details className="text-sm text-zinc-700 dark:text-zinc-300">
      <summary className="cursor-pointer">Keyboard shortcuts</summary>
      <ul className="mt-1 list-inside list-disc">
        <li>
          <Key>j</Key>: next row, <Key>k</Key>: previous row (also <Key>↓</Key> and <Key>↑</Key> from a row&rsquo;s
          title)
        </li>
        <li>
          <Key>x</Key>: select or unselect the row
        </li>
      </ul>
    </details>
  );
}
