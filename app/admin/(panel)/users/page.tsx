import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { InviteForm } from "@/components/admin/invite-form";
import { listStaff } from "@/db/queries/user-admin";
import { changeUserRoleAction } from "@/lib/actions/change-user-role";
import { deleteUserAction } from "@/lib/actions/delete-user";
import { inviteUserAction } from "@/lib/actions/invite-user";
import { suspendUserAction } from "@/lib/actions/suspend-user";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Users · Quire" };

const ROLES = ["admin", "editor", "author", "contributor"] as const;
const select = "rounded-md border border-zinc-400 bg-white px-2 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900";

export default async function UsersPage() {
  const user = await requireStaff("/admin/users");
  if (!hasRole(user, "admin")) return <p role="alert">Only administrators can manage users.</p>;
  const staff = listStaff();
  return (
    <>
      <h1 className="text-2xl font-bold">Users</h1>
      <section aria-labelledby="invite-heading" className="mt-6">
        <h2 id="invite-heading" className="mb-2 text-lg font-semibold">
          Invite someone
        </h2>
        <InviteForm action={inviteUserAction} />
      </section>
      <section aria-labelledby="staff-heading" className="mt-8">
        <h2 id="staff-heading" className="mb-2 text-lg font-semibold">
          Staff
        </h2>
        <ul className="space-y-4">
          {staff.map((member) => {
            // Nobody changes the owner here, and nobody changes themselves here (see Profile).
            const editable = member.role !== "owner" && member.id !== user.id;
            return (
              <li
                key={member.id}
                aria-label={member.name}
                className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <p className="font-semibold">
                  {member.name}{" "}
                  <span className="font-normal text-zinc-700 dark:text-zinc-300">
                    {member.email} · {member.role}
                    {member.status === "suspended" ? " · suspended" : ""} · {member.posts} posts
                  </span>
                </p>
                {editable && (
                  <div className="mt-3 flex flex-wrap gap-6">
                    <ActionForm action={changeUserRoleAction} hidden={{ id: member.id }} submitLabel="Change role">
                      <label htmlFor={`role-${member.id}`} className="text-sm">
                        Role of {member.name}
                      </label>
                      <select id={`role-${member.id}`} name="role" defaultValue={member.role} className={select}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
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
                      <label htmlFor={`heir-${member.id}`} className="text-sm">
                        Give their posts to
                      </label>
                      <select id={`heir-${member.id}`} name="reassignTo" defaultValue={user.id} className={select}>
                        {staff
                          .filter((other) => other.id !== member.id)
                          .map((other) => (
                            <option key={other.id} value={other.id}>
                              {other.name}
                            </option>
                          ))}
                      </select>
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
      </section>
    </>
  );
}
