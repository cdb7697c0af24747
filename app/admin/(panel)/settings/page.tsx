import type { Metadata } from "next";
import Link from "next/link";
import { SiteSettingsForm } from "@/components/admin/site-settings-form";
import { getSettings } from "@/db/queries/settings";
import { updateSiteSettingsAction } from "@/lib/actions/update-site-settings";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Settings · Quire" };

export default async function SettingsPage() {
  const user = await requireStaff("/admin/settings");
  if (!hasRole(user, "admin")) {
    return <p role="alert">Only administrators can change the site settings.</p>;
  }
  const s = getSettings();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Settings</h1>
      <p className="mb-6 text-sm">
        <Link href="/admin/settings/integrations" className="underline">
          Integrations, API keys and webhooks
        </Link>
      </p>
      <SiteSettingsForm
        action={updateSiteSettingsAction}
        timezones={Intl.supportedValuesOf("timeZone")}
        current={{
          title: s.title,
          description: s.description,
          logoUrl: s.logoUrl ?? "",
          navigation: s.navigation.map((item) => `${item.label} | ${item.url}`).join("\n"),
          timezone: s.timezone,
          postsPerPage: String(s.postsPerPage),
          feedFullContent: s.feedFullContent,
          commentPolicy: s.commentPolicy,
          commentLinkLimit: String(s.commentLinkLimit),
          commentCloseAfterDays: String(s.commentCloseAfterDays),
        }}
      />
    </>
  );
}
