import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/db/schema/enums";
import { webhookUrlProblem } from "../security/url-guard";

const id = z.coerce.number().int().positive();

export const createIntegrationSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  role: z.enum(["contributor", "author", "editor", "admin"], { message: "Choose a role." }),
});
export const integrationIdSchema = z.object({ id });
export const addWebhookSchema = z.object({
  integrationId: id,
  event: z.enum(WEBHOOK_EVENTS, { message: "Choose an event." }),
  targetUrl: z
    .string()
    .trim()
    .max(2000, "Use at most 2000 characters.")
    .superRefine((value, context) => {
      const problem = webhookUrlProblem(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});
export const webhookIdSchema = z.object({ id });
export const webhookSettingsSchema = z.object({
  webhooksAllowPrivate: z
    .union([z.boolean(), z.enum(["on", "true", "false"])])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});
