import { describe, expect, it } from "vitest";
import type { EditorDraft, EditorPost } from "@/lib/utils/editor-types";
import { editorReducer, initialEditorState, isDirty } from "./editor-state";

const draft = (fields: Partial<EditorDraft> = {}): EditorDraft => ({
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
  ...fields,
});
const newPost: EditorPost = { id: null, type: "post", status: "draft", version: 0, scheduledLocal: "", draft: draft() };
const storedPost: EditorPost = { ...newPost, id: 7, version: 3, draft: draft({ title: "Kept", slug: "kept" }) };

describe("the post editor's state", () => {
  it("fills a new post's slug from its title until the slug is typed by hand", () => {
    let state = initialEditorState(newPost);
    state = editorReducer(state, { type: "edit", patch: { title: "Hello world" } });
    expect(state.draft.slug).toBe("hello-world");
    state = editorReducer(state, { type: "edit-slug", slug: "my-own" });
    state = editorReducer(state, { type: "edit", patch: { title: "Hello again" } });
    expect(state.draft).toMatchObject({ title: "Hello again", slug: "my-own" });
  });

  it("leaves a stored post's slug alone when the title changes", () => {
    const state = editorReducer(initialEditorState(storedPost), { type: "edit", patch: { title: "Renamed" } });
    expect(state.draft.slug).toBe("kept");
  });

  it("is dirty after an edit and clean again once that text is saved", () => {
    let state = editorReducer(initialEditorState(storedPost), { type: "edit", patch: { markdown: "New text." } });
    expect(isDirty(state)).toBe(true);
    const snapshot = state.draft;
    state = editorReducer(state, { type: "busy" });
    expect(state.busy).toBe(true);
    state = editorReducer(state, {
      type: "saved",
      snapshot,
      result: { ok: true, message: "Saved." },
      stored: { id: 7, version: 4, slug: "kept" },
    });
    expect(isDirty(state)).toBe(false);
    expect(state).toMatchObject({ busy: false, version: 4, result: { message: "Saved." } });
  });

  it("keeps what was typed while a save was on its way, and stays dirty", () => {
    let state = editorReducer(initialEditorState(newPost), { type: "edit", patch: { title: "First" } });
    const snapshot = state.draft;
    state = editorReducer(state, { type: "edit", patch: { markdown: "Typed meanwhile." } });
    state = editorReducer(state, {
      type: "saved",
      snapshot,
      result: { ok: true },
      stored: { id: 12, version: 1, slug: "first-2" },
    });
    expect(state.draft).toMatchObject({ title: "First", slug: "first-2", markdown: "Typed meanwhile." });
    expect(state.id).toBe(12);
    expect(isDirty(state)).toBe(true);
  });

  it("shows a refusal with its field errors and keeps the text", () => {
    let state = editorReducer(initialEditorState(storedPost), { type: "edit", patch: { markdown: "Mine." } });
    state = editorReducer(state, {
      type: "answered",
      result: { ok: false, error: "Someone else saved this post.", fieldErrors: { title: ["Enter a title."] } },
    });
    expect(state.result).toMatchObject({ ok: false, error: "Someone else saved this post." });
    expect(state.errors).toEqual({ title: ["Enter a title."] });
    expect(state.draft.markdown).toBe("Mine.");
    expect(state.version).toBe(3);
  });

  it("shows the outcome that brought a new post to its own address", () => {
    expect(initialEditorState(storedPost, "Draft saved.").result).toEqual({ ok: true, message: "Draft saved." });
    expect(initialEditorState(storedPost).result).toBeNull();
  });
});
