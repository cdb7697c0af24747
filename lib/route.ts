import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { fieldErrorsOf, echoValues } from "./action";
import { type ApiUser, authenticateApi } from "./admin-api/auth";
import { hasRole } from "./authz";
import { AppError, ERROR_MESSAGES, type ErrorCode, HTTP_STATUS } from "./errors";
import { getCurrentUser, type SessionUser } from "./session";
import { isSameOrigin } from "./utils/same-origin";
import { logger } from "./ops/log.mjs";

/**
 * Who may call a route, and how they prove it:
 * - `{ session }`: a browser with the staff cookie (or none, for "public"); a role means
 *   that role or a higher one. The cookie rides along on any cross-site request, so these
 *   routes also demand this site's Origin (lib/utils/same-origin.ts).
 * - `{ apiKey: true }`: the Admin API's Ghost-style key/JWT, never the cookie; no Origin
 *   check, since its clients are servers and scripts.
 */
export type RouteAuth = { session: "public" | Role } | { apiKey: true };

type UserOf<A extends RouteAuth> = A extends { apiKey: true }
  ? ApiUser
  : A extends { session: "public" }
    ? SessionUser | null
    : SessionUser;

/** A refusal, before it is given the route's shape. */
export type Failure = {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

/** How one family of routes words its errors (the status always comes from HTTP_STATUS). */
export type ErrorShape = (failure: Failure, status: number) => Response;

const plainError: ErrorShape = ({ message }, status) => Response.json({ error: message }, { status });

type Options<A extends RouteAuth, S extends z.ZodType | undefined> = {
  auth: A;
  /** A JSON body to parse with `schema`; `unreadable` is said when it is not a JSON object at all. */
  json?: S extends z.ZodType ? { schema: S; unreadable: string } : never;
  errors?: ErrorShape;
};

type Context<A extends RouteAuth, S> = { user: UserOf<A>; input: S extends z.ZodType ? z.output<S> : undefined };

/**
 * The route-handler counterpart of mutation() (lib/action.ts), in this order: who asks
 * (session and role, or API key), whether a browser request comes from this site, the
 * body through zod, then the handler; every refusal and every AppError becomes a JSON
 * error with its status from the one table in lib/errors.ts. Who asks comes first so an
 * anonymous caller is told to sign in (401) before anything is read.
 */
export function route<A extends RouteAuth, S extends z.ZodType | undefined = undefined>(
  options: Options<A, S>,
  handler: (request: Request, context: Context<A, S>) => Response | Promise<Response>,
) {
  const shape = options.errors ?? plainError;
  const fail = (failure: Omit<Failure, "message"> & { message?: string }) =>
    shape({ ...failure, message: failure.message ?? ERROR_MESSAGES[failure.code] }, HTTP_STATUS[failure.code]);

  return async function handle(request: Request): Promise<Response> {
    try {
      let user: SessionUser | ApiUser | null;
      if ("apiKey" in options.auth) {
        const auth = await authenticateApi(request, { write: request.method !== "GET" });
        if ("error" in auth) return fail({ code: auth.error.code, message: auth.error.message });
        user = auth.user;
      } else {
        const access = options.auth.session;
        user = await getCurrentUser(request);
        if (access !== "public") {
          if (!user) return fail({ code: "unauthenticated" });
          if (!hasRole(user, access)) return fail({ code: "forbidden" });
        }
        // A signed-in person's cookie rides along: only this site's own pages may send it.
        if (!isSameOrigin(request.headers)) return fail({ code: "forbidden" });
      }

      let input: unknown;
      if (options.json) {
        const raw: unknown = await request.json().catch(() => null);
        if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
          return fail({ code: "bad_request", message: options.json.unreadable });
        }
        const parsed = options.json.schema.safeParse(raw);
        if (!parsed.success) {
          const values = echoValues(raw as Record<string, unknown>);
          return fail({ code: "invalid_input", fieldErrors: fieldErrorsOf(parsed.error), values });
        }
        input = parsed.data;
      }

      return await handler(request, { user, input } as Context<A, S>);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return fail({ code: error.code, message: error.message, fieldErrors: error.fieldErrors });
      }
      logger().error(
        {
          err: error,
          reqId: request.headers.get("x-request-id"),
          method: request.method,
          path: new URL(request.url).pathname,
        },
        "route handler failed",
      );
      return fail({ code: "internal" });
    }
  };
}
