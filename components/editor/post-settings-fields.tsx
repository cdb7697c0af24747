"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { FieldErrors } from "@/lib/utils/action-result";
import type { EditorDraft } from "@/lib/utils/editor-types";

type Props = {
  draft: EditorDraft;
  set: (patch: Partial<EditorDraft>) => void;
  /** The slug typed by hand: from then on the title no longer fills it. */
  onSlugChange: (slug: string) => void;
  existingTags: string[];
  errors?: FieldErrors;
  onUploadFeature: () => void;
};

const SEO: { key: keyof EditorDraft; label: string }[] = [
  { key: "metaTitle", label: "Meta title" },
  { key: "metaDescription", label: "Meta description" },
  { key: "canonicalUrl", label: "Canonical URL" },
  { key: "ogTitle", label: "Social (Open Graph) title" },
  { key: "ogDescription", label: "Social (Open Graph) description" },
  { key: "ogImage", label: "Social (Open Graph) image URL" },
  { key: "twitterTitle", label: "Twitter title" },
  { key: "twitterDescription", label: "Twitter description" },
  { key: "twitterImage", label: "Twitter image URL" },
];

/** The editor's side panel: address, excerpt, tags, image, flags and the SEO/social fields. */
export function PostSettingsFields({ draft, set, onSlugChange, existingTags, errors, onUploadFeature }: Props) {
  const text = (key: keyof EditorDraft) => ({
    value: draft[key] as string,
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
    errors: errors?.[key],
  });
  return (
    <div className="space-y-4">
      <Field
        label="Slug"
        name="slug"
        hint="The address: /your-slug. Filled from the title until you edit it."
        {...text("slug")}
        onChange={(event) => onSlugChange(event.target.value)}
      />
      <Textarea
        label="Excerpt"
        name="customExcerpt"
        rows={3}
        hint="Shown in lists; left empty, the start of the body is used."
        {...text("customExcerpt")}
      />
      <Field
        label="Tags"
        name="tags"
        suggestions={existingTags}
        hint="Comma-separated; new tags are created when you save."
        {...text("tags")}
      />
      <fieldset className="space-y-2 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <legend className="px-1 text-sm font-medium">Featured image</legend>
        <Field label="Featured image URL" name="featureImage" {...text("featureImage")} />
        <Field label="Featured image alt text" name="featureImageAlt" {...text("featureImageAlt")} />
        <button type="button" onClick={onUploadFeature} className="text-sm underline">
          Upload a featured image
        </button>
      </fieldset>
      <Checkbox
        id="field-featured"
        label="Feature this post (pinned on the home page)"
        checked={draft.featured}
        onChange={(event) => set({ featured: event.target.checked })}
      />
      <Checkbox
        id="field-commentsOpen"
        label="Allow comments"
        checked={draft.commentsOpen}
        onChange={(event) => set({ commentsOpen: event.target.checked })}
      />
      <details className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <summary className="cursor-pointer text-sm font-medium">SEO and social</summary>
        <div className="mt-3 space-y-3">
          {SEO.map(({ key, label }) => (
            <Field key={key} label={label} name={key} {...text(key)} />
          ))}
        </div>
      </details>
    </div>
  );
}
