// Typed error codes: the UI shows `message`, the log keeps the detail.
export const ERROR_MESSAGES = {
  unauthenticated: "Please sign in to continue.",
  forbidden: "You do not have permission to do that.",
  not_found: "That item no longer exists.",
  invalid_input: "Some fields need your attention.",
  bad_request: "The request could not be read.",
  too_large: "That is too large to accept.",
  unsupported_type: "That kind of file is not accepted.",
  conflict: "Someone else changed this in the meantime.",
  already_setup: "This site is already set up. Sign in instead.",
  invalid_credentials: "Email or password is incorrect.",
  internal: "Something went wrong on our side. Nothing was saved; please try again.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * The one table from error code to HTTP status, read by every route handler's wrapper
 * (lib/route.ts). Invalid input is 422 (the request was read; a field is wrong); a body
 * that cannot be read at all, or lacks the part the route needs, is 400.
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  bad_request: 400,
  too_large: 413,
  unsupported_type: 415,
  conflict: 409,
  already_setup: 409,
  invalid_credentials: 401,
  internal: 500,
};

/** An expected failure with a message that is safe to show to the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
