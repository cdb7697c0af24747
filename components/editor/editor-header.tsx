"use client";

import { CircleCheck, CircleDot, LoaderCircle, PanelRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { POST_STATUS_LABEL } from "@/components/admin/post-status-labels";
import { Button } from "@/components/ui/button";
import type { EditorPost } from "@/lib/utils/editor-types";
import { ShortcutSheet } from "./shortcut-sheet";

type Props = {
  type: EditorPost["type"];
  id: number | null;
  status: EditorPost["status"];
  dirty: boolean;
  busy: boolean;
  autosaveNote: string;
  words: number;
  settingsOpen: boolean;
  onToggleSettings: () => void;
  onSave: () => void;
  /** The publish menu, which knows who may do what. */
  publish: ReactNode;
};

const LINK_CLASS = "text-sm whitespace-nowrap";

/** The editor's top bar: where the post stands, whether it is saved, and what to do next. */
export function EditorHeader(props: Props) {
  const { type, id, status, dirty, busy, words, settingsOpen } = props;
  return (
    <div className="z-20 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 bg-white/95 py-3 md:sticky md:top-0 dark:border-zinc-800 dark:bg-zinc-950/95">
      <p className="text-sm">
        Status: <strong>{POST_STATUS_LABEL[status]}</strong>
      </p>
      <SaveState dirty={dirty} busy={busy} stored={id !== null} autosaveNote={props.autosaveNote} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {words} {words === 1 ? "word" : "words"} · {Math.max(1, Math.round(words / 265))} min read
      </p>
      {id && (
        <span className="flex gap-3">
          <Link className={LINK_CLASS} href={`/admin/preview/${id}`} target="_blank">
            Preview as readers see it
          </Link>
          <Link className={LINK_CLASS} href={`/admin/${type}s/${id}/history`}>
            History
          </Link>
        </span>
      )}
      <span className="ml-auto flex items-center gap-2">
        <ShortcutSheet />
        <button
          type="button"
          aria-expanded={settingsOpen}
          aria-controls="post-settings"
          onClick={props.onToggleSettings}
          title={settingsOpen ? "Hide the post settings" : "Show the post settings"}
          className="rounded-md p-2 text-zinc-700 hover:bg-zinc-100 aria-expanded:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-expanded:bg-zinc-800"
        >
          <PanelRight className="size-5" aria-hidden />
          <span className="sr-only">Post settings</span>
        </button>
        <Button type="button" variant="secondary" disabled={busy} onClick={props.onSave}>
          {status === "published" ? "Update" : "Save draft"}
        </Button>
        {props.publish}
      </span>
    </div>
  );
}

/** Saved / unsaved / saving, said in words with an icon (announced politely as it changes). */
function SaveState({
  dirty,
  busy,
  stored,
  autosaveNote,
}: {
  dirty: boolean;
  busy: boolean;
  stored: boolean;
  autosaveNote: string;
}) {
  const [Icon, text] = busy
    ? [LoaderCircle, "Saving…"]
    : dirty
      ? [CircleDot, autosaveNote ? `Unsaved changes · ${autosaveNote}` : "Unsaved changes"]
      : stored
        ? [CircleCheck, "Saved"]
        : [CircleDot, "Not saved yet"];
  return (
    <p
      aria-live="polite"
      className={`flex items-center gap-1 text-sm ${dirty ? "text-amber-800 dark:text-amber-200" : "text-zinc-700 dark:text-zinc-300"}`}
    >
      <Icon className="size-4" aria-hidden />
      {text}
    </p>
  );
}
