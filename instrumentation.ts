// Next.js calls register() once when the server starts: the scheduler and the outbox
// (e-mail, webhooks) live inside the one server process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // never at build time
  const { startBackgroundWork } = await import("./lib/background");
  startBackgroundWork();
}
