import "server-only";
import type { EditorActions, EditorDraft, EditorPost } from "../utils/editor-types";
import type { getPostForEditor } from "@/db/queries/post-editor";
import { autosavePostAction } from "../actions/autosave-post";
import { previewMarkdownAction } from "../actions/preview-markdown";
import { publishPostAction } from "../actions/publish-post";
import { savePostAction } from "../actions/save-post";
import { schedulePostAction } from "../actions/schedule-post";
import { submitPostForReviewAction } from "../actions/submit-post-for-review";
import { trashPostAction } from "../actions/trash-post";
import { unpublishPostAction } from "../actions/unpublish-post";
import { utcToZonedLocal } from "./timezone";

export const EDITOR_ACTIONS: EditorActions = {
  save: savePostAction,
  autosave: autosavePostAction,
  preview: previewMarkdownAction,
  publish: publishPostAction,
  schedule: schedulePostAction,
  unpublish: unpublishPostAction,
  submit: submitPostForReviewAction,
  trash: trashPostAction,
};

const EMPTY: EditorDraft = {
  title: "",
  slug: "",
  markdown: "",
  customExcerpt: "",
  tags: "",
  featureImage: "",
  featureImageAlt: "",
  featured: false,
  commentsOpen: true,
  metaTitle: "",
  metaDescription: "",
  canonicalUrl: "",
  ogTitle: "",
  ogDescription: "",
  ogImage: "",
  twitterTitle: "",
  twitterDescription: "",
  twitterImage: "",
};

type Loaded = NonNullable<Awaited<ReturnType<typeof getPostForEditor>>>;

/** The database row → the editor's plain, serialisable starting state. */
export function editorPostOf(post: Loaded | null, type: "post" | "page", timezone: string): EditorPost {
  if (!post) return { id: null, type, status: "draft", version: 0, scheduledLocal: "", draft: EMPTY };
  const draft = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof EditorDraft)[]) {
    const value = key === "tags" ? post.tags.join(", ") : post[key];
    (draft as Record<string, unknown>)[key] = value ?? EMPTY[key];
  }
  const scheduledLocal =
    post.status === "scheduled" && post.publishedAt ? utcToZonedLocal(post.publishedAt, timezone) : "";
  return { id: post.id, type: post.type, status: post.status, version: post.version, scheduledLocal, draft };
}
