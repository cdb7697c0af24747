import type { Metadata } from "next";
import { PasswordForm } from "@/components/admin/password-form";
import { ProfileForm } from "@/components/admin/profile-form";
import { getProfile } from "@/db/queries/user-admin";
import { changePasswordAction } from "@/lib/actions/change-password";
import { updateProfileAction } from "@/lib/actions/update-profile";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Profile · Quire" };

export default async function ProfilePage() {
  const user = await requireStaff("/admin/profile");
  const profile = (await getProfile({ id: user.id }))!;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Your profile</h1>
      <ProfileForm
        action={updateProfileAction}
        current={{ name: profile.name, slug: profile.slug, bio: profile.bio, avatarUrl: profile.avatarUrl ?? "" }}
      />
      <h2 className="mb-4 mt-10 text-lg font-semibold">Change your password</h2>
      <PasswordForm action={changePasswordAction} submitLabel="Change password" withCurrent />
    </>
  );
}
