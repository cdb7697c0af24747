import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { CARD_CLASS, PanelSection } from "@/components/admin/panel-section";
import { InviteForm } from "@/components/admin/invite-form";
import { Select } from "@/components/ui/select";
import { listStaff } from "@/db/queries/user-admin";
import { changeUserRoleAction } from "@/lib/actions/change-user-role";
import { deleteUserAction } from "@/lib/actions/delete-user";
import { inviteUserAction } from "@/lib/actions/invite-user";
import { suspendUserAction } from "@/lib/actions/suspend-user";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Users · Quire" };

const ROLE_OPTIONS = ["admin", "editor", "author", "contributor"].map((role) => ({ value: role, label: role }));

const ROLE_TONE: Record<string, BadgeTone> = {
  owner: "violet",
  admin: "blue",
  editor: "green",
  author: "amber",
  contributor: "zinc",
};

export default async function UsersPage() {
  const user = await requireStaff("/admin/users");
  if (!hasRole(user, "admin")) return <p role="alert">Only administrators can manage users.</p>;
  const staff = await listStaff();
  return (
    <>
      <h1 className="text-2xl font-bold">Users</h1>
      <PanelSection id="invite-heading" title="Invite someone" className="mt-6">
        <InviteForm action={inviteUserAction} />
      </PanelSection>
      <PanelSection id="staff-heading" title="Staff">
        {staff.length <= 1 && (
          <p className="mb-4 rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm dark:border-zinc-700">
            Nobody else here yet. Invite someone above to write, edit or run the site with you.
          </p>
        )}
        <ul className="space-y-4">
          {staff.map((member) => {
            // Nobody changes the owner here, and nobody changes themselves here (see Profile).
            const editable = member.role !== "owner" && member.id !== user.id;
            return (
              <li key={member.id} aria-label={member.name} className={CARD_CLASS}>
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {member.name}
                  <Badge tone={ROLE_TONE[member.role]}>{member.role}</Badge>
                  {member.status === "suspended" && <Badge tone="red">suspended</Badge>}
                  <span className="font-normal text-zinc-700 dark:text-zinc-300">
                    {member.email} · {member.posts} posts
                  </span>
                </p>
                {editable && (
                  <div className="mt-3 flex flex-wrap gap-6">
                    <ActionForm action={changeUserRoleAction} hidden={{ id: member.id }} submitLabel="Change role">
                      <Select
                        id={`role-${member.id}`}
                        label={`Role of ${member.name}`}
                        name="role"
                        defaultValue={member.role}
                        options={ROLE_OPTIONS}
                      />
                    </ActionForm>
                    <ActionForm
                      action={suspendUserAction}
                      hidden={{ id: member.id, suspended: member.status === "active" ? "true" : "false" }}
                      submitLabel={member.status === "active" ? `Suspend ${member.name}` : `Reinstate ${member.name}`}
                    />
                    <ActionForm
                      action={deleteUserAction}
                      hidden={{ id: member.id }}
                      submitLabel={`Delete ${member.name}`}
                      variant="danger"
                      confirm={`Delete ${member.name}? Their posts go to the person you chose.`}
                    >
                      <Select
                        id={`heir-${member.id}`}
                        label="Give their posts to"
                        name="reassignTo"
                        defaultValue={user.id}
                        options={staff
                          .filter((other) => other.id !== member.id)
                          .map((other) => ({ value: other.id, label: other.name }))}
                      />
                    </ActionForm>
                    {user.role === "owner" && member.status === "active" && (
                      <ActionForm
                        action={transferOwnershipAction}
                        hidden={{ id: member.id }}
                        submitLabel={`Make ${member.name} the owner`}
                        confirm="Transfer ownership? You will become an admin."
                      />
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </PanelSection>
    </>
  );
}
