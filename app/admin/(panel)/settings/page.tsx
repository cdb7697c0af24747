import type { Metadata } from "next";
import { GeneralSettingsForm } from "@/components/admin/general-settings-form";
import { getSettings } from "@/db/queries/settings";
import { updateGeneralSettingsAction } from "@/lib/actions/update-settings";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Settings · Quire" };

export default async function SettingsPage() {
  const user = await requireStaff("/admin/settings");
  if (!hasRole(user, "admin")) {
    return <p role="alert">Only administrators can change the site settings.</p>;
  }
  const { title, description } = getSettings();
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Settings</h1>
      <GeneralSettingsForm action={updateGeneralSettingsAction} current={{ title, description }} />
    </>
  );
}
