import {
  addWebhookAction,
  createIntegrationAction,
  deleteIntegrationAction,
  deleteWebhookAction,
  rotateIntegrationKeysAction,
  updateWebhookSettingsAction,
} from "@/lib/actions/integrations";
import { handleAdminApi } from "@/lib/admin-api/routes";
import { INTEGRATION } from "../admin-fixture";
import { ADMINS, type MatrixRow, NOBODY, ok, SITE } from "../authz-matrix";

// Admin → Settings → Integrations: API keys and webhooks, the owner and administrators only;
// and the Admin API those keys open, which a staff member's session cookie must not open.

/** The Admin API with a staff member's session cookie but no API key. */
function adminApi(method: string, path: string[]) {
  return () =>
    handleAdminApi(
      new Request(`${SITE}/ghost/api/admin/${path.join("/")}/`, {
        method,
        headers: { origin: SITE, "content-type": "application/json" },
        body:
          method === "DELETE"
            ? undefined
            : JSON.stringify({ posts: [{ title: "Via cookie" }], tags: [{ name: "Via cookie" }] }),
      }),
      { params: Promise.resolve({ path }) },
    ).then(ok);
}

export const INTEGRATION_ACTIONS: MatrixRow[] = [
  {
    what: "create an integration",
    entry: createIntegrationAction,
    run: () => createIntegrationAction(null, { name: "Robot", role: "author" }),
    allowed: ADMINS,
  },
  {
    what: "rotate integration keys",
    entry: rotateIntegrationKeysAction,
    run: () => rotateIntegrationKeysAction(null, { id: INTEGRATION.id }),
    allowed: ADMINS,
  },
  {
    what: "delete an integration",
    entry: deleteIntegrationAction,
    run: () => deleteIntegrationAction(null, { id: INTEGRATION.id }),
    allowed: ADMINS,
  },
  {
    what: "add a webhook",
    entry: addWebhookAction,
    run: () =>
      addWebhookAction(null, {
        integrationId: INTEGRATION.id,
        event: "post.published",
        targetUrl: "https://hooks.example.com/y",
      }),
    allowed: ADMINS,
  },
  {
    what: "delete a webhook",
    entry: deleteWebhookAction,
    run: () => deleteWebhookAction(null, { id: INTEGRATION.webhook }),
    allowed: ADMINS,
  },
  {
    what: "allow private webhook targets",
    entry: updateWebhookSettingsAction,
    run: () => updateWebhookSettingsAction(null, { webhooksAllowPrivate: "on" }),
    allowed: ADMINS,
  },
  // Route handlers.
  ...(["app/api/v1/admin/[...path]/route.ts", "app/ghost/api/admin/[...path]/route.ts"] as const).flatMap((route) => [
    {
      what: `add a post through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} POST`,
      run: adminApi("POST", ["posts"]),
      allowed: NOBODY,
    },
    {
      what: `rename a tag through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} PUT`,
      run: adminApi("PUT", ["tags", "21"]),
      allowed: NOBODY,
    },
    {
      what: `delete a tag through the Admin API with a cookie (${route.split("/")[1]})`,
      entry: `${route} DELETE`,
      run: adminApi("DELETE", ["tags", "21"]),
      allowed: NOBODY,
    },
  ]),
];
