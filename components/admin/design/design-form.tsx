"use client";

import { useState } from "react";
import type { PostCardData } from "@/components/site/post-card";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { accentProblem, BACKGROUNDS, contrastRatio, formatRatio, isHexColour } from "@/lib/utils/contrast";
import { FONT_PAIRINGS, FONT_PAIRING_IDS } from "@/lib/utils/font-pairings";
import type { FormAction } from "@/lib/utils/action-result";
import { type DesignDraft, DesignPreview } from "./design-preview";
import { ImageUploadField } from "./image-upload-field";
import { MenuEditor } from "./menu-editor";

const FIELDSET = "space-y-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700";
const LEGEND = "px-1 text-sm font-medium";

/** What the contrast is now, as the owner picks: the server checks again on save. */
function contrastHint(colour: string, scheme: keyof typeof BACKGROUNDS): string {
  if (!isHexColour(colour)) return "A colour like #1d4ed8.";
  const ratio = formatRatio(contrastRatio(colour, BACKGROUNDS[scheme]));
  const verdict = accentProblem(colour, scheme) ? "too low: links need at least 4.5:1" : "passes WCAG AA (4.5:1)";
  return `Contrast on the ${scheme} background: ${ratio}, ${verdict}.`;
}

/**
 * Admin → Design: every choice in one form, with a live preview of the unsaved choices.
 * The whole design is saved at once by updateDesignAction (lib/actions/update-design.ts).
 */
export function DesignForm({
  action,
  current,
  menuTargets,
  preview,
}: {
  action: FormAction;
  current: DesignDraft & { siteIconUrl: string };
  menuTargets: { url: string; label: string }[];
  preview: { title: string; description: string; posts: PostCardData[]; timeZone: string };
}) {
  const { state, formAction, pending, errors } = useActionForm(action);
  const [draft, setDraft] = useState(current);
  const set =
    <K extends keyof typeof draft>(key: K) =>
    (value: (typeof draft)[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const radio = (name: "fontPairing" | "homeLayout", value: string, label: string) => (
    <label key={value} className="flex items-center gap-2 text-sm">
      <input type="radio" name={name} value={value} checked={draft[name] === value} onChange={() => set(name)(value)} />
      {label}
    </label>
  );
  const fieldError = (name: string) =>
    errors?.[name]?.length ? <p className="text-sm text-red-700 dark:text-red-300">{errors[name]!.join(" ")}</p> : null;

  return (
    <div className="grid gap-10 xl:grid-cols-2">
      <form action={formAction} className="max-w-2xl space-y-6" noValidate>
        <FormStatus state={pending ? null : state} />
        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>Accent colour (links and focus rings)</legend>
          <Field
            type="color"
            label="Accent colour, light scheme"
            name="accentColor"
            value={draft.accentColor}
            onChange={(event) => set("accentColor")(event.target.value)}
            hint={contrastHint(draft.accentColor, "light")}
            errors={errors?.accentColor}
            className="h-10 w-20 rounded-md border border-zinc-400 dark:border-zinc-600"
          />
          <Field
            type="color"
            label="Accent colour, dark scheme"
            name="accentColorDark"
            value={draft.accentColorDark}
            onChange={(event) => set("accentColorDark")(event.target.value)}
            hint={contrastHint(draft.accentColorDark, "dark")}
            errors={errors?.accentColorDark}
            className="h-10 w-20 rounded-md border border-zinc-400 dark:border-zinc-600"
          />
        </fieldset>
        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>Images</legend>
          <ImageUploadField
            name="logoUrl"
            label="Logo"
            alt="Site logo"
            hint="Shown beside the site title. Uploaded to the media library."
            value={draft.logoUrl}
            onChange={set("logoUrl")}
            preferredWidth={160}
            errors={errors?.logoUrl}
          />
          <ImageUploadField
            name="siteIconUrl"
            label="Site icon"
            alt="Site icon"
            hint="A square image: the browser tab icon and home-screen icon (made in 32, 180, 192 and 512 pixels). Without one, the logo is used."
            value={draft.siteIconUrl}
            onChange={set("siteIconUrl")}
            errors={errors?.siteIconUrl}
          />
          <ImageUploadField
            name="coverImageUrl"
            label="Home page cover"
            alt="Home page cover"
            hint="A wide image above the posts on the home page."
            value={draft.coverImageUrl}
            onChange={set("coverImageUrl")}
            preferredWidth={1280}
            errors={errors?.coverImageUrl}
          />
        </fieldset>
        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>Fonts</legend>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Shipped with Quire and served from this site: nothing is loaded from another host.
          </p>
          {FONT_PAIRING_IDS.map((id) => radio("fontPairing", id, FONT_PAIRINGS[id].label))}
          {fieldError("fontPairing")}
        </fieldset>
        <MenuEditor
          name="navigation"
          legend="Header menu"
          items={draft.navigation}
          onChange={set("navigation")}
          suggestions={menuTargets}
          errors={errors?.navigation}
        />
        <MenuEditor
          name="footerNavigation"
          legend="Footer menu"
          items={draft.footerNavigation}
          onChange={set("footerNavigation")}
          suggestions={menuTargets}
          errors={errors?.footerNavigation}
        />
        <fieldset className={FIELDSET}>
          <legend className={LEGEND}>Home page</legend>
          {radio("homeLayout", "list", "List: one post under another")}
          {radio("homeLayout", "cards", "Cards: a grid with feature images")}
          {fieldError("homeLayout")}
          <Field
            label="Posts per page"
            name="postsPerPage"
            type="number"
            min={1}
            max={100}
            value={draft.postsPerPage}
            onChange={(event) => set("postsPerPage")(event.target.value)}
            hint="On the home, tag and author pages."
            errors={errors?.postsPerPage}
          />
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save design"}
        </Button>
      </form>
      <div className="xl:sticky xl:top-4 xl:self-start">
        <DesignPreview draft={draft} {...preview} />
      </div>
    </div>
  );
}
