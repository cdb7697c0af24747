"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormAction } from "@/lib/utils/action-result";

export type SettingsValues = {
  title: string;
  description: string;
  timezone: string;
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
  const { state, formAction, pending, field, values } = useActionForm(action, current);
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <FormStatus state={pending ? null : state} />
      <Field label="Site title" required {...field("title")} />
      <Field label="Site description" {...field("description")} />
      <Field
        label="Timezone"
        hint="Used to show dates and to read scheduled times."
        suggestions={timezones}
        {...field("timezone")}
      />
      <Checkbox
        id="field-feedFullContent"
        name="feedFullContent"
        label="Feeds carry the full text of posts"
        defaultChecked={Boolean(values.feedFullContent)}
      />
      <fieldset className="space-y-3 rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        <legend className="px-1 text-sm font-medium">Comments</legend>
        <Select label="Comment policy" options={POLICIES} {...field("commentPolicy")} />
        <Field label="Hold comments with more links than" type="number" min={0} {...field("commentLinkLimit")} />
        <Field
          label="Close comments after this many days (0: never)"
          type="number"
          min={0}
          {...field("commentCloseAfterDays")}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
