"use client";

import { ChevronDown } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { FieldErrors } from "@/lib/utils/action-result";
import type { EditorActions, EditorPost } from "@/lib/utils/editor-types";
import type { Step } from "./use-post-commands";

type Props = {
  status: EditorPost["status"];
  /** Whether this person may publish this post (else: submit it for review). */
  canPublish: boolean;
  busy: boolean;
  timezone: string;
  scheduleAt: string;
  onScheduleAt: (value: string) => void;
  errors?: FieldErrors;
  actions: EditorActions;
  onStep: (step: Step, extra?: Record<string, unknown>) => void;
};

/**
 * The publish flow as one menu: publish now, schedule at a time on the site's clock, take back; or,
 * for a contributor, submit for review. Every step saves unsaved changes first (usePostCommands).
 */
export function PublishMenu(props: Props) {
  const { status, canPublish, busy, timezone, scheduleAt, onScheduleAt, errors, actions, onStep } = props;
  const [open, setOpen] = useState(false);
  // A refused schedule (say, a time in the past) opens the menu again on its field-level message.
  const [shownError, setShownError] = useState(false);
  const step = (action: Step["action"], next: Step["next"], extra?: Record<string, unknown>) => {
    setOpen(false);
    setShownError(next === "scheduled");
    onStep({ action, next }, extra);
  };
  if (!canPublish && status !== "draft") return null;
  if (canPublish && status === "published") {
    return (
      <Button type="button" variant="secondary" disabled={busy} onClick={() => step(actions.unpublish, "draft")}>
        Unpublish
      </Button>
    );
  }
  const scheduleErrors = shownError ? errors?.publishAt : undefined;
  return (
    <Popover open={open || Boolean(scheduleErrors)} onOpenChange={(next) => (setOpen(next), setShownError(false))}>
      <PopoverTrigger asChild>
        <Button type="button" disabled={busy} className="gap-1">
          {canPublish ? "Publish" : "Submit"}
          <ChevronDown className="size-4" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent aria-label={canPublish ? "Publish" : "Submit"} className="space-y-4">
        {canPublish ? (
          <>
            <section className="space-y-2">
              <p className="text-sm text-zinc-700 dark:text-zinc-300">Goes live on the site straight away.</p>
              <Button
                type="button"
                className="w-full"
                disabled={busy}
                onClick={() => step(actions.publish, "published")}
              >
                Publish now
              </Button>
            </section>
            <section className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-700">
              <Field
                label={`Publish at (${timezone})`}
                name="publishAt"
                type="datetime-local"
                value={scheduleAt}
                onChange={(event) => onScheduleAt(event.target.value)}
                errors={scheduleErrors}
              />
              <Button
                type="button"
                variant="secondary"
                className="w-full"
                disabled={busy}
                onClick={() => step(actions.schedule, "scheduled", { publishAt: scheduleAt })}
              >
                Schedule
              </Button>
            </section>
            {status === "scheduled" && (
              <Button
                type="button"
                variant="secondary"
                className="w-full"
                disabled={busy}
                onClick={() => step(actions.unpublish, "draft")}
              >
                Unpublish
              </Button>
            )}
          </>
        ) : (
          <section className="space-y-2">
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              An editor reviews it and publishes it; you can still change it until then.
            </p>
            <Button type="button" className="w-full" disabled={busy} onClick={() => step(actions.submit, "review")}>
              Submit for review
            </Button>
          </section>
        )}
      </PopoverContent>
    </Popover>
  );
}
