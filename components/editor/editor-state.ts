import type { ActionResult, FieldErrors } from "@/lib/utils/action-result";
import type { EditorDraft, EditorPost } from "@/lib/utils/editor-types";
import { slugify } from "@/lib/utils/slugify";

/** Everything the post editor remembers between renders, changed only by `editorReducer`. */
export type EditorState = {
  draft: EditorDraft;
  /** The draft as last stored, serialised: the editor is "dirty" while the two differ. */
  saved: string;
  /** Null until a new post's first save creates it. */
  id: number | null;
  /** The version the next save claims to build on; a stale one is refused as a conflict. */
  version: number;
  status: EditorPost["status"];
  /** Once the slug was typed by hand (or the post was saved), the title stops filling it. */
  slugEdited: boolean;
  scheduleAt: string;
  /** A save or a workflow step is on its way: the buttons wait. */
  busy: boolean;
  /** The last outcome shown above the fields (a confirmation, a refusal such as a conflict). */
  result: ActionResult<unknown> | null;
  errors?: FieldErrors;
};

export type EditorEvent =
  | { type: "edit"; patch: Partial<EditorDraft> }
  | { type: "edit-slug"; slug: string }
  | { type: "schedule-at"; value: string }
  | { type: "busy" }
  /** A save or step answered without a stored post to show (refused, or a step that succeeded). */
  | { type: "answered"; result: ActionResult<unknown> }
  /** A save stored `snapshot` (the draft as it was sent) as `version`, under `slug`. */
  | {
      type: "saved";
      snapshot: EditorDraft;
      result: ActionResult<unknown>;
      stored: { id: number; version: number; slug: string };
    }
  | { type: "status"; status: EditorPost["status"] };

export function initialEditorState(post: EditorPost, flash?: string): EditorState {
  return {
    draft: post.draft,
    saved: JSON.stringify(post.draft),
    id: post.id,
    version: post.version,
    status: post.status,
    slugEdited: post.id !== null,
    scheduleAt: post.scheduledLocal,
    busy: false,
    result: flash ? { ok: true, message: flash } : null,
  };
}

export const isDirty = (state: EditorState) => JSON.stringify(state.draft) !== state.saved;

export function editorReducer(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case "edit": {
      const draft = { ...state.draft, ...event.patch };
      if (event.patch.title !== undefined && !state.slugEdited) draft.slug = slugify(event.patch.title);
      return { ...state, draft };
    }
    case "edit-slug":
      return { ...state, slugEdited: true, draft: { ...state.draft, slug: event.slug } };
    case "schedule-at":
      return { ...state, scheduleAt: event.value };
    case "busy":
      return { ...state, busy: true };
    case "answered":
      return {
        ...state,
        busy: false,
        result: event.result,
        errors: event.result.ok ? undefined : event.result.fieldErrors,
      };
    case "saved": {
      const { snapshot, stored } = event;
      const savedDraft = { ...snapshot, slug: stored.slug };
      // Typing may have gone on while the save was on its way: keep it, take only the stored slug.
      const draft = state.draft === snapshot ? savedDraft : { ...state.draft, slug: stored.slug };
      return {
        ...state,
        draft,
        saved: JSON.stringify(savedDraft),
        id: state.id ?? stored.id,
        version: stored.version,
        slugEdited: true,
        busy: false,
        result: event.result,
        errors: undefined,
      };
    }
    case "status":
      return { ...state, status: event.status };
  }
}
