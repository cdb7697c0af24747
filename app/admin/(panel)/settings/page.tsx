import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { PanelSection } from "@/components/admin/panel-section";
import { SiteSettingsForm } from "@/components/admin/site-settings-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Select } from "@/components/ui/select";
import { getSettings } from "@/db/queries/settings";
import { updateAnalyticsSettingsAction } from "@/lib/actions/analytics-settings";
import { updateSiteSettingsAction } from "@/lib/actions/update-site-settings";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { ANALYTICS_RETENTION_CHOICES } from "@/lib/validations/settings";

export const metadata: Metadata = { title: "Settings · Quire" };

export default async function SettingsPage() {
  const user = await requireStaff("/admin/settings");
  if (!hasRole(user, "admin")) {
    return <p role="alert">Only administrators can change the site settings.</p>;
  }
  const s = await getSettings();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Settings</h1>
      <p className="mb-6 text-sm">
        <Link href="/admin/settings/integrations" className="underline">
          Integrations, API keys and webhooks
        </Link>
        {" · "}
        <Link href="/admin/settings/import-export" className="underline">
          Import / Export
        </Link>
        {" · "}
        <Link href="/admin/design" className="underline">
          Design: logo, icon, colours, fonts, menus and the home page
        </Link>
      </p>
      <SiteSettingsForm
        action={updateSiteSettingsAction}
        timezones={Intl.supportedValuesOf("timeZone")}
        current={{
          title: s.title,
          description: s.description,
          timezone: s.timezone,
          feedFullContent: s.feedFullContent,
          commentPolicy: s.commentPolicy,
          commentLinkLimit: String(s.commentLinkLimit),
          commentCloseAfterDays: String(s.commentCloseAfterDays),
        }}
      />
      <PanelSection id="analytics-settings" title="Analytics">
        <p className="mb-2 max-w-prose text-sm">
          Reader page views are counted by the server without cookies or scripts; only daily totals are kept (
          <Link href="/admin/analytics" className="underline">
            see the analytics
          </Link>
          ).
        </p>
        <ActionForm action={updateAnalyticsSettingsAction} submitLabel="Save analytics settings">
          <Checkbox
            id="analytics-enabled"
            name="analyticsEnabled"
            label="Count reader page views"
            defaultChecked={s.analyticsEnabled}
          />
          <Select
            id="analytics-retention"
            name="analyticsRetentionDays"
            label="Keep daily counts for"
            defaultValue={String(s.analyticsRetentionDays)}
            options={ANALYTICS_RETENTION_CHOICES.map((choice) => ({
              value: String(choice.value),
              label: choice.label,
            }))}
          />
        </ActionForm>
      </PanelSection>
    </>
  );
}
