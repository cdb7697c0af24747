import { parentPort } from "node:worker_threads";
import { convertBody } from "./convert";

// One worker of convert-pool.ts: converts the post bodies it is sent, one message each.
// Errors go back as their message (an Error does not survive structured cloning whole).

export type ConvertRequest = { id: number; format: "html" | "markdown"; text: string };

parentPort!.on("message", async ({ id, format, text }: ConvertRequest) => {
  try {
    parentPort!.postMessage({ id, body: await convertBody(format, text) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
