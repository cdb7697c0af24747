"use server";

import {
  addWebhook,
  createIntegration,
  deleteIntegration,
  deleteWebhook,
  rotateIntegrationKeys,
} from "@/db/queries/integrations";
import { updateSettings } from "@/db/queries/settings";
import { mutation } from "../action";
import { invalidate } from "../cache";
import { AppError } from "../errors";
import { issueKeys } from "../integrations/new-keys";
import { actorOf } from "../posts/access";
import {
  addWebhookSchema,
  createIntegrationSchema,
  integrationIdSchema,
  webhookIdSchema,
  webhookSettingsSchema,
} from "../validations/integration";

// Integrations, their keys and webhooks: administrators only. Keys are shown once, in
// the action's answer; the database keeps a hash (Content) or the encrypted secret (Admin).

export type ShownKeys = { name: string; contentKey: string; adminKey: string };

// The integrations page reads settings-like data: the tag makes Next re-render it.
const refresh = () => invalidate("settings");

export const createIntegrationAction = mutation(
  { schema: createIntegrationSchema, access: "admin" },
  async (input, { user }) => {
    const keys = issueKeys();
    await createIntegration({ name: input.name, role: input.role, createdBy: user.id }, keys.stored, actorOf(user));
    refresh();
    return {
      ok: true,
      message: `Integration ${input.name} created. Copy its keys now: they are not shown again.`,
      data: { name: input.name, ...keys.shown } satisfies ShownKeys,
    };
  },
);

export const rotateIntegrationKeysAction = mutation(
  { schema: integrationIdSchema, access: "admin" },
  async (input, { user }) => {
    const keys = issueKeys();
    if (!(await rotateIntegrationKeys(input.id, keys.stored, actorOf(user)))) throw new AppError("not_found");
    refresh();
    return {
      ok: true,
      message: "New keys issued; the old ones no longer work. Copy them now: they are not shown again.",
      data: { name: "", ...keys.shown } satisfies ShownKeys,
    };
  },
);

export const deleteIntegrationAction = mutation(
  { schema: integrationIdSchema, access: "admin" },
  async (input, { user }) => {
    if (!(await deleteIntegration(input.id, actorOf(user)))) throw new AppError("not_found");
    refresh();
    return { ok: true, message: "Integration deleted; its keys and webhooks are gone." };
  },
);

export const addWebhookAction = mutation({ schema: addWebhookSchema, access: "admin" }, async (input, { user }) => {
  if (!(await addWebhook(input, actorOf(user)))) throw new AppError("not_found");
  refresh();
  return { ok: true, message: `Webhook added for ${input.event}.` };
});

export const deleteWebhookAction = mutation({ schema: webhookIdSchema, access: "admin" }, async (input, { user }) => {
  if (!(await deleteWebhook(input.id, actorOf(user)))) throw new AppError("not_found");
  refresh();
  return { ok: true, message: "Webhook removed." };
});

export const updateWebhookSettingsAction = mutation(
  { schema: webhookSettingsSchema, access: "admin" },
  async (input, { user }) => {
    await updateSettings(input, user);
    refresh();
    return {
      ok: true,
      message: input.webhooksAllowPrivate
        ? "Webhooks may now reach private addresses."
        : "Webhooks to private addresses are refused.",
    };
  },
);
