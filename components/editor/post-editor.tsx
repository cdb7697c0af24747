"use client";

import { X } from "lucide-react";
import { useReducer, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldShell } from "@/components/ui/field-shell";
import { FormStatus } from "@/components/ui/form-status";
import type { EditorActions, EditorDraft, EditorPost } from "@/lib/utils/editor-types";
import { EditorHeader } from "./editor-header";
import { editorReducer, initialEditorState, isDirty } from "./editor-state";
import { ImageUploadDialog, type UploadedImage } from "./image-upload-dialog";
import { insertBlock } from "./markdown-commands";
import { MarkdownField } from "./markdown-field";
import { PostSettingsFields } from "./post-settings-fields";
import { PublishMenu } from "./publish-menu";
import { useAutosave } from "./use-autosave";
import { useImageUpload } from "./use-image-upload";
import { useLivePreview } from "./use-live-preview";
import { usePostCommands } from "./use-post-commands";
import { useUnsavedWarning } from "./use-unsaved-warning";

type Props = {
  post: EditorPost;
  canPublish: boolean;
  timezone: string;
  existingTags: string[];
  actions: EditorActions;
  initialPreview: { html: string; wordCount: number };
  /** The outcome of what was done just before arriving here (a new post's first save). */
  flash?: string;
  /** Reader views of a published post over the kept days; undefined when not shown to this person. */
  views?: number;
};

export function PostEditor({ post, canPublish, timezone, existingTags, actions, initialPreview, flash, views }: Props) {
  const [state, dispatch] = useReducer(editorReducer, post, (first) => initialEditorState(first, flash));
  const { draft, id, status, errors } = state;
  const dirty = isDirty(state);
  const set = (patch: Partial<EditorDraft>) => dispatch({ type: "edit", patch });
  const [settingsOpen, setSettingsOpen] = useState(true);
  const settingsToggle = useRef<HTMLDivElement>(null);

  const preview = useLivePreview(draft.markdown, actions.preview, initialPreview);
  const autosaveNote = useAutosave(actions.autosave, state, post.draft);
  useUnsavedWarning(dirty);
  const { save, run } = usePostCommands(post.type, actions, state, dispatch);
  const upload = useImageUpload();

  function insertImage(image: UploadedImage) {
    if (upload.target === "feature") return set({ featureImage: image.url, featureImageAlt: image.alt });
    // At the cursor in the body (or at its end when the body never had focus).
    const area = document.getElementById("field-markdown") as HTMLTextAreaElement | null;
    const selection = {
      text: draft.markdown,
      start: area?.selectionStart ?? draft.markdown.length,
      end: area?.selectionEnd ?? draft.markdown.length,
    };
    set({ markdown: insertBlock(selection, `![${image.alt.replace(/[[\]]/g, "")}](${image.url})`).text });
  }

  function closeSettings() {
    setSettingsOpen(false);
    // Focus goes back to the button that opens the panel again, not to the page's start.
    settingsToggle.current?.querySelector<HTMLButtonElement>("button[aria-controls='post-settings']")?.focus();
  }

  return (
    <div
      ref={settingsToggle}
      className="space-y-6"
      // Ctrl/⌘+S saves from anywhere in the editor (the title, the body, the settings).
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
          event.preventDefault();
          if (!state.busy) void save();
        }
      }}
    >
      <EditorHeader
        type={post.type}
        id={id}
        status={status}
        dirty={dirty}
        busy={state.busy}
        autosaveNote={autosaveNote}
        words={preview.wordCount}
        settingsOpen={settingsOpen}
        onToggleSettings={() => setSettingsOpen((open) => !open)}
        onSave={() => void save()}
        publish={
          <PublishMenu
            status={status}
            canPublish={canPublish}
            busy={state.busy}
            timezone={timezone}
            scheduleAt={state.scheduleAt}
            onScheduleAt={(value) => dispatch({ type: "schedule-at", value })}
            errors={errors}
            actions={actions}
            onStep={(step, extra) => void run(step, extra)}
          />
        }
      />
      <FormStatus state={state.result} />
      <div className={settingsOpen ? "grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]" : ""}>
        <div className="min-w-0 space-y-6">
          <FieldShell id="field-title" label="Title" errors={errors?.title}>
            {(aria) => (
              <input
                id="field-title"
                name="title"
                value={draft.title}
                onChange={(event) => set({ title: event.target.value })}
                placeholder="Untitled"
                className="block w-full rounded-md border border-transparent bg-transparent px-1 py-1 font-serif text-3xl font-bold text-zinc-900 placeholder:text-zinc-500 hover:border-zinc-300 sm:text-4xl dark:text-zinc-100 dark:placeholder:text-zinc-400 dark:hover:border-zinc-700"
                {...aria}
              />
            )}
          </FieldShell>
          <MarkdownField
            value={draft.markdown}
            onChange={(markdown) => set({ markdown })}
            onImageFile={(file) => upload.openFor("body", file)}
            previewHtml={preview.html}
            errors={errors?.markdown}
          />
        </div>
        {settingsOpen && (
          <aside
            id="post-settings"
            aria-labelledby="post-settings-heading"
            className="space-y-4 border-zinc-200 max-lg:border-t max-lg:pt-6 lg:border-l lg:pl-6 dark:border-zinc-800"
          >
            <div className="flex items-center justify-between">
              <h2 id="post-settings-heading" className="text-lg font-semibold">
                Post settings
              </h2>
              <button
                type="button"
                onClick={closeSettings}
                className="rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                <X className="size-5" aria-hidden />
                <span className="sr-only">Close the post settings</span>
              </button>
            </div>
            {views !== undefined && (
              <p className="rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
                <strong className="text-lg tabular-nums">{views.toLocaleString("en")}</strong>{" "}
                {views === 1 ? "page view" : "page views"} by readers over the days analytics keeps
              </p>
            )}
            <PostSettingsFields
              draft={draft}
              set={set}
              onSlugChange={(slug) => dispatch({ type: "edit-slug", slug })}
              existingTags={existingTags}
              errors={errors}
              onUploadFeature={() => upload.openFor("feature")}
            />
            {id !== null && (
              <Button
                type="button"
                variant="danger"
                className="w-full"
                disabled={state.busy}
                onClick={() => void run({ action: actions.trash, next: "trashed" })}
              >
                Move to trash
              </Button>
            )}
          </aside>
        )}
      </div>
      <ImageUploadDialog
        open={upload.open}
        file={upload.file}
        title={upload.target === "body" ? "Insert an image" : "Featured image"}
        onClose={upload.close}
        onUploaded={insertImage}
      />
    </div>
  );
}
