"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { FormAction } from "@/lib/utils/action-result";

export type SettingsValues = {
  title: string;
  description: string;
  logoUrl: string;
  navigation: string;
  timezone: string;
  postsPerPage: string;
  feedFullContent: boolean;
  commentPolicy: string;
  commentLinkLimit: string;
  commentCloseAfterDays: string;
};

const POLICIES = [
  { value: "hold_first_time", label: "Hold first-time commenters for approval" },
  { value: "hold_all", label: "Hold every comment for approval" },
  { value: "publish", label: "Publish comments immediately" },
];

export function SiteSettingsForm({
  action,
  current,
  timezones,
}: {
  action: FormAction;
  current: SettingsValues;
  timezones: string[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const v = { ...current, ...(state && !state.ok ? state.values : {}) } as SettingsValues;
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <FormStatus state={pending ? null : state} />
      <Field label="Site title" name="title" required defaultValue={v.title} errors={errors?.title} />
      <Field label="Site description" name="description" defaultValue={v.description} errors={errors?.description} />
      <Field
        label="Logo URL"
        name="logoUrl"
        hint="An uploaded image (/media/…) or an https address; empty for none."
        defaultValue={v.logoUrl}
        errors={errors?.logoUrl}
      />
      <Textarea
        label="Navigation"
        name="navigation"
        rows={5}
        hint="One link per line: Label | /address"
        defaultValue={v.navigation}
        errors={errors?.navigation}
      />
      <Field
        label="Timezone"
        name="timezone"
        list="timezones"
        hint="Used to show dates and to read scheduled times."
        defaultValue={v.timezone}
        errors={errors?.timezone}
      />
      <datalist id="timezones">
        {timezones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Field
        label="Posts per page"
        name="postsPerPage"
        type="number"
        min={1}
        max={100}
        defaultValue={v.postsPerPage}
        errors={errors?.postsPerPage}
      />
      <Checkbox
        id="field-feedFullContent"
        name="feedFullContent"
        label="Feeds carry the full text of posts"
        defaultChecked={v.feedFullContent}
      />
      <fieldset className="space-y-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <legend className="px-1 text-sm font-medium">Comments</legend>
        <Select
          label="Comment policy"
          name="commentPolicy"
          options={POLICIES}
          defaultValue={v.commentPolicy}
          errors={errors?.commentPolicy}
        />
        <Field
          label="Hold comments with more links than"
          name="commentLinkLimit"
          type="number"
          min={0}
          defaultValue={v.commentLinkLimit}
          errors={errors?.commentLinkLimit}
        />
        <Field
          label="Close comments after this many days (0: never)"
          name="commentCloseAfterDays"
          type="number"
          min={0}
          defaultValue={v.commentCloseAfterDays}
          errors={errors?.commentCloseAfterDays}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
