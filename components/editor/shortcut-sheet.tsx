"use client";

import { Keyboard } from "lucide-react";
import { useEffect, useState } from "react";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FORMAT_TOOLS } from "./markdown-commands";

const OTHER_SHORTCUTS = [
  { label: "Save", shortcut: "Ctrl+S" },
  { label: "This list of shortcuts", shortcut: "?" },
  { label: "Close a dialog or menu", shortcut: "Escape" },
];

// "?" is a character people type: it opens the sheet only when focus is not in something editable.
function typesText(target: EventTarget | null) {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The editor's keyboard shortcuts, from the same list the toolbar uses; opened with `?` or its button. */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typesText(event.target)) return;
      event.preventDefault();
      setOpen(true);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  const rows = [...FORMAT_TOOLS, ...OTHER_SHORTCUTS];
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger
        className="rounded-md p-2 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        <Keyboard className="size-5" aria-hidden />
      </DialogTrigger>
      <DialogContent title="Keyboard shortcuts" description="On a Mac, ⌘ works where Ctrl is written.">
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-zinc-200 last:border-0 dark:border-zinc-700">
                <td className="py-2">{row.label}</td>
                <td className="py-2 text-right">
                  <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">
                    {row.shortcut}
                  </kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
