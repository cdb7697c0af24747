// Runs once when the server starts: the scheduler lives inside the one server process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // never at build time
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
