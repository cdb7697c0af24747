import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm } from "@/components/admin/action-form";
import { CARD_CLASS, PanelSection } from "@/components/admin/panel-section";
import { IssueKeysForm } from "@/components/admin/issue-keys-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { listIntegrations } from "@/db/queries/integrations";
import { listRecentDeliveries } from "@/db/queries/outbox";
import { getSettings } from "@/db/queries/settings";
import { WEBHOOK_EVENTS } from "@/db/schema/enums";
import {
  addWebhookAction,
  createIntegrationAction,
  deleteIntegrationAction,
  deleteWebhookAction,
  rotateIntegrationKeysAction,
  updateWebhookSettingsAction,
} from "@/lib/actions/integrations";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { webhookSecret } from "@/lib/jobs/webhooks";

export const metadata: Metadata = { title: "Integrations · Quire" };

const INTEGRATION_ROLES = [
  { value: "contributor", label: "Contributor (drafts only)" },
  { value: "author", label: "Author (own posts)" },
  { value: "editor", label: "Editor (all posts, tags)" },
  { value: "admin", label: "Administrator" },
];
const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "never");

/** A webhook's last five deliveries, newest first. */
async function RecentDeliveries({ webhookId }: { webhookId: number }) {
  const deliveries = await listRecentDeliveries({ webhookId, limit: 5 });
  return (
    <tbody>
      {deliveries.map((delivery) => (
        <tr key={delivery.id}>
          <td className="pr-3">{when(delivery.createdAt)}</td>
          <td className="pr-3">{delivery.status}</td>
          <td className="pr-3">{delivery.attempts}</td>
          <td className="pr-3">{delivery.lastResponseStatus ?? "–"}</td>
          <td>{delivery.lastError ?? ""}</td>
        </tr>
      ))}
    </tbody>
  );
}

export default async function IntegrationsPage() {
  await connection();
  const user = await requireStaff("/admin/settings/integrations");
  if (!hasRole(user, "admin")) return <p role="alert">Only administrators manage integrations.</p>;
  const integrations = await listIntegrations();
  const { webhooksAllowPrivate } = await getSettings();
  return (
    <>
      <h1 className="text-2xl font-bold">Integrations</h1>
      <p className="mt-2 max-w-prose text-sm">
        An integration gets a Content API key (read published content) and an Admin API key (write, with the role chosen
        here, as you). See docs/api.md.
      </p>
      <PanelSection id="new-integration" title="New integration" className="mt-6">
        <IssueKeysForm action={createIntegrationAction} submitLabel="Create integration" idPrefix="new-integration">
          <Field id="integration-name" label="Name" name="name" />
          <Select id="integration-role" label="Role" name="role" defaultValue="editor" options={INTEGRATION_ROLES} />
        </IssueKeysForm>
      </PanelSection>
      <PanelSection id="webhook-settings" title="Webhook safety" className="mt-6">
        <ActionForm action={updateWebhookSettingsAction} submitLabel="Save webhook safety">
          <Checkbox
            id="webhooks-allow-private"
            name="webhooksAllowPrivate"
            label="Allow webhooks to private, loopback and link-local addresses"
            defaultChecked={webhooksAllowPrivate}
          />
        </ActionForm>
      </PanelSection>
      <PanelSection id="all-integrations" title={`All integrations (${integrations.length})`}>
        <ul className="space-y-4">
          {integrations.map((integration) => (
            <li key={integration.id} aria-label={integration.name} className={CARD_CLASS}>
              <h3 className="font-semibold">
                {integration.name} <span className="font-normal">· {integration.role}</span>
              </h3>
              <ul className="mt-1 text-sm">
                {integration.keys.map((key) => (
                  <li key={key.id}>
                    {key.type === "admin" ? "Admin" : "Content"} key id <code>{key.id}</code> · last used{" "}
                    {when(key.lastUsedAt)}
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex flex-wrap gap-6">
                <IssueKeysForm
                  action={rotateIntegrationKeysAction}
                  hidden={{ id: integration.id }}
                  submitLabel={`Rotate keys of ${integration.name}`}
                  idPrefix={`rotate-${integration.id}`}
                  confirm="Issue new keys? The current ones stop working at once."
                />
                <ActionForm
                  action={deleteIntegrationAction}
                  hidden={{ id: integration.id }}
                  submitLabel={`Delete ${integration.name}`}
                  variant="danger"
                  confirm={`Delete ${integration.name}, its keys and webhooks?`}
                />
              </div>
              <h4 className="mt-4 font-semibold">Webhooks</h4>
              <ul className="space-y-2 text-sm">
                {integration.webhooks.map((hook) => (
                  <li
                    key={hook.id}
                    aria-label={`Webhook ${hook.event} to ${hook.targetUrl}`}
                    className="rounded border border-zinc-200 p-2 dark:border-zinc-700"
                  >
                    <p>
                      <strong>{hook.event}</strong> → {hook.targetUrl}
                    </p>
                    <p>
                      Signing secret: <code className="break-all">{webhookSecret(hook.id)}</code>
                    </p>
                    <table className="mt-1 text-left">
                      <caption className="text-left">Last deliveries</caption>
                      <thead>
                        <tr>
                          <th className="pr-3">Queued</th>
                          <th className="pr-3">Status</th>
                          <th className="pr-3">Attempts</th>
                          <th className="pr-3">Response</th>
                          <th>Error</th>
                        </tr>
                      </thead>
                      <RecentDeliveries webhookId={hook.id} />
                    </table>
                    <ActionForm
                      action={deleteWebhookAction}
                      hidden={{ id: hook.id }}
                      submitLabel={`Remove webhook ${hook.event}`}
                      variant="danger"
                      className="mt-1"
                    />
                  </li>
                ))}
              </ul>
              <ActionForm
                action={addWebhookAction}
                hidden={{ integrationId: integration.id }}
                submitLabel={`Add webhook to ${integration.name}`}
                className="mt-2"
              >
                <Select
                  id={`hook-event-${integration.id}`}
                  label="Event"
                  name="event"
                  options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: event }))}
                />
                <Field id={`hook-url-${integration.id}`} label="Target URL" name="targetUrl" type="url" />
              </ActionForm>
            </li>
          ))}
        </ul>
      </PanelSection>
    </>
  );
}
