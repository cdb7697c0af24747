"use client";

import { useEffect, useRef, useState } from "react";
import type { EditorActions, EditorDraft } from "@/lib/utils/editor-types";
import type { EditorState } from "./editor-state";

const AUTOSAVE_MS = 4000;

/**
 * A revision of the title and body every few seconds while they differ from the saved post
 * and from the last autosave; the post itself is untouched. Returns the note to show ("Autosaved at …").
 */
export function useAutosave(autosave: EditorActions["autosave"], state: EditorState, initial: EditorDraft) {
  const [note, setNote] = useState("");
  // The interval outlives renders: it reads the newest state through this ref.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const lastAutosaved = useRef(JSON.stringify([initial.title, initial.markdown]));

  useEffect(() => {
    const timer = setInterval(async () => {
      const { draft, saved, id, version } = latest.current;
      const key = JSON.stringify([draft.title, draft.markdown]);
      if (!id || key === lastAutosaved.current || JSON.stringify(draft) === saved) return;
      lastAutosaved.current = key;
      const response = await autosave(null, { id, version, title: draft.title, markdown: draft.markdown }).catch(
        () => null,
      );
      if (response?.ok) setNote(response.message ?? "Autosaved.");
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [autosave]);

  return note;
}
