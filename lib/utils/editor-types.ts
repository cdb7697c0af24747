import type { ObjectAction } from "./action-result";

export type EditorDraft = {
  title: string;
  slug: string;
  markdown: string;
  customExcerpt: string;
  tags: string;
  featureImage: string;
  featureImageAlt: string;
  featured: boolean;
  commentsOpen: boolean;
  metaTitle: string;
  metaDescription: string;
  canonicalUrl: string;
  ogTitle: string;
  ogDescription: string;
  ogImage: string;
  twitterTitle: string;
  twitterDescription: string;
  twitterImage: string;
};

export type EditorPost = {
  id: number | null;
  type: "post" | "page";
  status: "draft" | "review" | "scheduled" | "published";
  version: number;
  /** Scheduled time on the site's clock, for the schedule input. */
  scheduledLocal: string;
  draft: EditorDraft;
};

export type EditorActions = {
  save: ObjectAction<{ id: number; version: number; slug: string }>;
  autosave: ObjectAction;
  preview: ObjectAction<{ html: string; wordCount: number }>;
  publish: ObjectAction<{ id: number }>;
  schedule: ObjectAction<{ id: number }>;
  unpublish: ObjectAction<{ id: number }>;
  submit: ObjectAction<{ id: number }>;
  trash: ObjectAction<{ id: number }>;
};
