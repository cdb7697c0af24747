"use client";

import { useRouter } from "next/navigation";
import type { Dispatch } from "react";
import type { ObjectAction } from "@/lib/utils/action-result";
import type { EditorActions, EditorPost } from "@/lib/utils/editor-types";
import { isDirty, type EditorEvent, type EditorState } from "./editor-state";

/** A workflow step: the action, and the status the post has once it succeeded. */
export type Step = { action: ObjectAction<{ id: number }>; next: EditorPost["status"] | "trashed" };

/** Saving, and the workflow steps (submit, publish, schedule, unpublish, trash) that save first. */
export function usePostCommands(
  type: EditorPost["type"],
  actions: EditorActions,
  state: EditorState,
  dispatch: Dispatch<EditorEvent>,
) {
  const router = useRouter();
  const base = `/admin/${type}s`;

  // A new post's first save moves to its own address (navigate: false when a workflow step follows).
  async function save(navigate = true): Promise<number | null> {
    dispatch({ type: "busy" });
    const snapshot = state.draft;
    const result = await actions.save(null, { ...snapshot, type, id: state.id ?? undefined, version: state.version });
    if (!result.ok || !result.data) {
      dispatch({ type: "answered", result });
      return null;
    }
    dispatch({ type: "saved", snapshot, result, stored: result.data });
    if (!state.id && navigate) router.replace(`${base}/${result.data.id}?done=saved`);
    return result.data.id;
  }

  async function run({ action, next }: Step, extra: Record<string, unknown> = {}) {
    const id = isDirty(state) || !state.id ? await save(false) : state.id;
    if (!id) return;
    dispatch({ type: "busy" });
    const result = await action(null, { id, ...extra });
    dispatch({ type: "answered", result });
    if (!result.ok) return;
    if (next === "trashed") return router.push(base);
    // A post created by this step gets its own address, which shows what was done.
    if (!state.id) return router.replace(`${base}/${id}?done=${next}`);
    dispatch({ type: "status", status: next });
    router.refresh();
  }

  return { save, run };
}
