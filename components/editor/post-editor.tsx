"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult, FieldErrors, ObjectAction } from "@/lib/utils/action-result";
import { slugify } from "@/lib/utils/slugify";
import { ImageUploadDialog, type UploadedImage } from "./image-upload-dialog";
import { insertBlock } from "./markdown-commands";
import { MarkdownField } from "./markdown-field";
import { PostSettingsFields } from "./post-settings-fields";
import type { EditorActions, EditorDraft, EditorPost } from "@/lib/utils/editor-types";

const AUTOSAVE_MS = 4000;
const STATUS_LABEL = {
  draft: "Draft",
  review: "Waiting for review",
  scheduled: "Scheduled",
  published: "Published",
} as const;

type Props = {
  post: EditorPost;
  canPublish: boolean;
  timezone: string;
  existingTags: string[];
  actions: EditorActions;
  initialPreview: { html: string; wordCount: number };
  /** The outcome of what was done just before arriving here (a new post's first save). */
  flash?: string;
};

export function PostEditor({ post, canPublish, timezone, existingTags, actions, initialPreview, flash }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<EditorDraft>(post.draft);
  const [saved, setSaved] = useState(JSON.stringify(post.draft));
  const [id, setId] = useState(post.id);
  const [version, setVersion] = useState(post.version);
  const [status, setStatus] = useState(post.status);
  const [result, setResult] = useState<ActionResult<unknown> | null>(flash ? { ok: true, message: flash } : null);
  const [errors, setErrors] = useState<FieldErrors | undefined>();
  const [preview, setPreview] = useState(initialPreview);
  const [autosaveNote, setAutosaveNote] = useState("");
  const [slugEdited, setSlugEdited] = useState(post.id !== null);
  const [busy, setBusy] = useState(false);
  const [scheduleAt, setScheduleAt] = useState(post.scheduledLocal);
  const [upload, setUpload] = useState<{ open: boolean; file: File | null; target: "body" | "feature" }>({
    open: false,
    file: null,
    target: "body",
  });
  const dirty = JSON.stringify(draft) !== saved;
  const latest = useRef({ draft, saved, id, version });
  latest.current = { draft, saved, id, version };
  const lastAutosaved = useRef(JSON.stringify([post.draft.title, post.draft.markdown]));

  const set = (patch: Partial<EditorDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...patch };
      if (patch.title !== undefined && !slugEdited) next.slug = slugify(patch.title);
      return next;
    });

  // Live preview through the server's pipeline, a moment after typing stops.
  const previewRequest = useRef(0);
  useEffect(() => {
    const request = ++previewRequest.current;
    const timer = setTimeout(async () => {
      const response = await actions.preview(null, { markdown: draft.markdown }).catch(() => null);
      if (response?.ok && response.data && request === previewRequest.current) setPreview(response.data);
    }, 350);
    return () => clearTimeout(timer);
  }, [draft.markdown, actions]);

  // Autosave: a revision every few seconds while the text differs from the saved one.
  useEffect(() => {
    const timer = setInterval(async () => {
      const { draft: now, saved: savedNow, id: postId, version: v } = latest.current;
      const key = JSON.stringify([now.title, now.markdown]);
      if (!postId || key === lastAutosaved.current || JSON.stringify(now) === savedNow) return;
      lastAutosaved.current = key;
      const response = await actions
        .autosave(null, { id: postId, version: v, title: now.title, markdown: now.markdown })
        .catch(() => null);
      if (response?.ok) setAutosaveNote(response.message ?? "Autosaved.");
    }, AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [actions]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // A new post's first save moves to its own address (navigate: false when a workflow step follows).
  async function save(navigate = true): Promise<number | null> {
    setBusy(true);
    const snapshot = draft;
    const response = await actions.save(null, { ...snapshot, type: post.type, id: id ?? undefined, version });
    setBusy(false);
    setResult(response);
    if (!response.ok || !response.data) {
      setErrors(response.ok ? undefined : response.fieldErrors);
      return null;
    }
    const data = response.data;
    setErrors(undefined);
    const stored = { ...snapshot, slug: data.slug };
    setDraft((current) => (current === snapshot ? stored : { ...current, slug: data.slug }));
    setSaved(JSON.stringify(stored));
    setVersion(data.version);
    setSlugEdited(true);
    if (!id) {
      setId(data.id);
      if (navigate) router.replace(`/admin/${post.type}s/${data.id}?done=saved`);
    }
    return data.id;
  }

  async function transition(
    action: ObjectAction<{ id: number }>,
    next: EditorPost["status"] | "trashed",
    extra: Record<string, unknown> = {},
  ) {
    const postId = dirty || !id ? await save(false) : id;
    if (!postId) return;
    setBusy(true);
    const response = await action(null, { id: postId, ...extra });
    setBusy(false);
    setResult(response);
    setErrors(response.ok ? undefined : response.fieldErrors);
    if (!response.ok) return;
    if (next === "trashed") return router.push(`/admin/${post.type}s`);
    if (!id) return router.replace(`/admin/${post.type}s/${postId}?done=${next}`);
    setStatus(next);
    router.refresh();
  }

  const words = preview.wordCount;
  const base = `/admin/${post.type}s`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">
          Status: <strong>{STATUS_LABEL[status]}</strong>
          {dirty ? " · Unsaved changes" : ""}
        </p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite">
          {words} {words === 1 ? "word" : "words"} · {Math.max(1, Math.round(words / 265))} min read
          {autosaveNote ? ` · ${autosaveNote}` : ""}
        </p>
        {id && (
          <span className="ml-auto flex gap-3 text-sm">
            <Link href={`/admin/preview/${id}`} target="_blank">
              Preview as readers see it
            </Link>
            <Link href={`${base}/${id}/history`}>History</Link>
          </span>
        )}
      </div>
      <FormStatus state={result} />
      <Field
        label="Title"
        name="title"
        value={draft.title}
        onChange={(event) => set({ title: event.target.value })}
        errors={errors?.title}
      />
      <MarkdownField
        value={draft.markdown}
        onChange={(markdown) => set({ markdown })}
        onImageFile={(file) => setUpload({ open: true, file, target: "body" })}
        onSaveShortcut={() => void save()}
        previewHtml={preview.html}
        errors={errors?.markdown}
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <PostSettingsFields
          draft={draft}
          set={set}
          onSlugEdited={() => setSlugEdited(true)}
          existingTags={existingTags}
          errors={errors}
          onUploadFeature={() => setUpload({ open: true, file: null, target: "feature" })}
        />
        <aside aria-label="Publishing" className="space-y-3">
          <Button type="button" className="w-full" disabled={busy} onClick={() => void save()}>
            {status === "published" ? "Update" : "Save draft"}
          </Button>
          {!canPublish && status === "draft" && (
            <Button
              type="button"
              variant="secondary"
              className="w-full"
              disabled={busy}
              onClick={() => transition(actions.submit, "review")}
            >
              Submit for review
            </Button>
          )}
          {canPublish && status !== "published" && (
            <>
              <Button
                type="button"
                variant="secondary"
                className="w-full"
                disabled={busy}
                onClick={() => transition(actions.publish, "published")}
              >
                Publish now
              </Button>
              <Field
                label={`Publish at (${timezone})`}
                name="publishAt"
                type="datetime-local"
                value={scheduleAt}
                onChange={(event) => setScheduleAt(event.target.value)}
                errors={errors?.publishAt}
              />
              <Button
                type="button"
                variant="secondary"
                className="w-full"
                disabled={busy}
                onClick={() => transition(actions.schedule, "scheduled", { publishAt: scheduleAt })}
              >
                Schedule
              </Button>
            </>
          )}
          {canPublish && (status === "published" || status === "scheduled") && (
            <Button
              type="button"
              variant="secondary"
              className="w-full"
              disabled={busy}
              onClick={() => transition(actions.unpublish, "draft")}
            >
              Unpublish
            </Button>
          )}
          {id && (
            <Button
              type="button"
              variant="danger"
              className="w-full"
              disabled={busy}
              onClick={() => transition(actions.trash, "trashed")}
            >
              Move to trash
            </Button>
          )}
        </aside>
      </div>
      <ImageUploadDialog
        open={upload.open}
        file={upload.file}
        title={upload.target === "body" ? "Insert an image" : "Featured image"}
        onClose={() => setUpload((current) => ({ ...current, open: false }))}
        onUploaded={(image: UploadedImage) => {
          if (upload.target === "feature") return set({ featureImage: image.url, featureImageAlt: image.alt });
          const area = document.getElementById("field-markdown") as HTMLTextAreaElement | null;
          const selection = {
            text: draft.markdown,
            start: area?.selectionStart ?? draft.markdown.length,
            end: area?.selectionEnd ?? draft.markdown.length,
          };
          set({ markdown: insertBlock(selection, `![${image.alt.replace(/[[\]]/g, "")}](${image.url})`).text });
        }}
      />
    </div>
  );
}
