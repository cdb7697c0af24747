// The process's one logger, shared by the HTTP front (bin/server) and the app (both run in
// one process): JSON lines (pino) for a log collector, readable lines in a terminal.
// QUIRE_LOG_LEVEL sets how much ("info": a line per request and per job).
import pino from "pino";
import pretty from "pino-pretty";
import { ENV_DEFAULTS } from "../env-defaults.mjs";

const holder = /** @type {{ quireLogger?: import("pino").Logger }} */ (globalThis);

/** @returns {import("pino").Logger} */
export function logger() {
  if (holder.quireLogger) return holder.quireLogger;
  const level = process.env.QUIRE_LOG_LEVEL || ENV_DEFAULTS.QUIRE_LOG_LEVEL;
  const options = { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  holder.quireLogger = process.stdout.isTTY
    ? pino(options, pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid" }))
    : pino(options);
  return holder.quireLogger;
}
