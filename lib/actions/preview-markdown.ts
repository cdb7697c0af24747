"use server";

import { mutation } from "../action";
import { renderPostMarkdown } from "../markdown/render";
import { previewSchema } from "../validations/post";

// The editor's live preview: the very pipeline (and sanitiser) a saved post goes through.
export const previewMarkdownAction = mutation({ schema: previewSchema, access: "contributor" }, async (input) => {
  const { html, wordCount } = await renderPostMarkdown(input.markdown);
  return { ok: true, data: { html, wordCount } };
});
