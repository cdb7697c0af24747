import type { ActionResult } from "@/lib/utils/action-result";
import { Confirmation } from "./toast";

/** The form-level outcome: an error sentence, or a confirmation. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) {
    // Each new result is shown, even when a second save says the same thing as the first.
    return state.message ? <Confirmation result={state} message={state.message} /> : null;
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
      {state.error}
    </p>
  );
}
