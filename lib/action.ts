import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { hasRole } from "./authz";
import { AppError, ERROR_MESSAGES } from "./errors";
import { getCurrentUser, type SessionUser } from "./session";
import type { ActionResult } from "./utils/action-result";
import { isSameOrigin } from "./utils/same-origin";
import { logger } from "./ops/log.mjs";

export type { ActionResult, FieldErrors } from "./utils/action-result";

/** "public": anyone, signed in or not; a role: that role or a higher one. */
type Access = "public" | Role;

type Context<A extends Access> = { user: A extends "public" ? SessionUser | null : SessionUser };

/** FormData → plain object; a repeated key (checkboxes, bulk ids) becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    const values = formData.getAll(key);
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

/**
 * The one mutation wrapper (ARCHITECTURE.md): parse → session → role → the body
 * (which checks ownership in its SQL and invalidates caches) → a typed result.
 * Every server action is a public HTTP endpoint, so none is written without it.
 */
export function mutation<S extends z.ZodType, A extends Access, T = undefined>(
  options: { schema: S; access: A },
  body: (input: z.output<S>, context: Context<A>) => Promise<ActionResult<T>>,
) {
  return async function run(_previous: unknown, input: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    if (!(await fromThisSite())) return { ok: false, error: ERROR_MESSAGES.forbidden };
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error, raw);

    const user = await getCurrentUser();
    if (options.access !== "public") {
      if (!user) return { ok: false, error: ERROR_MESSAGES.unauthenticated };
      if (!hasRole(user, options.access as Role)) return { ok: false, error: ERROR_MESSAGES.forbidden };
    }

    try {
      return await body(parsed.data, { user } as Context<A>);
    } catch (error) {
      unstable_rethrow(error); // Next.js's redirect() and notFound() travel as exceptions
      if (error instanceof AppError) {
        return { ok: false, error: error.message, fieldErrors: error.fieldErrors, values: echoValues(raw) };
      }
      logger().error({ err: error }, "server action failed");
      return { ok: false, error: ERROR_MESSAGES.internal, values: echoValues(raw) };
    }
  };
}

/** A refusal naming each field the schema rejected, with what was typed. */
export function invalidInput(error: z.ZodError, raw: Record<string, unknown>): ActionResult<never> {
  return { ok: false, error: ERROR_MESSAGES.invalid_input, fieldErrors: fieldErrorsOf(error), values: echoValues(raw) };
}

/** Each rejected field with the schema's messages for it ("form" for the object as a whole). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/**
 * Next.js refuses a server action whose Origin names another host, but lets one with
 * no Origin through; this refuses that too (lib/utils/same-origin.ts says why).
 * Outside a request (tests, the CLI) there is no cross-site page to fear.
 */
async function fromThisSite(): Promise<boolean> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return true;
  }
  return isSameOrigin(list);
}

// What the person typed, sent back so a refused form keeps it. Never passwords, never
// anything long enough to make the response a problem.
export function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password/i.test(key) && value.length <= 100_000) values[key] = value;
  }
  return values;
}
