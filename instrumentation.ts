import type { Instrumentation } from "next";

// Next.js calls register() once when the server starts: the scheduler and the outbox
// (e-mail, webhooks) live inside the one server process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // never at build time
  const { startBackgroundWork } = await import("./lib/jobs/background");
  startBackgroundWork();
}

// A page, action or handler that threw: logged with its stack, the request id bin/server
// gave it, and the digest the friendly error page shows as its "Reference", so a reader's
// report leads to this line. The client never sees the stack.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/ops/log.mjs");
  logger().error(
    {
      err: error,
      digest: (error as { digest?: string }).digest,
      reqId: request.headers["x-request-id"],
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
    },
    "request failed",
  );
};
