import {
  ChartLine,
  ExternalLink,
  FileText,
  Files,
  HeartPulse,
  Image as ImageIcon,
  LayoutDashboard,
  type LucideIcon,
  MessageSquare,
  Palette,
  ScrollText,
  Settings,
  Tags,
  Users,
} from "lucide-react";
import Link from "next/link";
import { AccountMenu } from "./account-menu";
import { NavLink } from "./nav-link";

export type SidebarAccess = {
  /** null when the role cannot moderate comments; otherwise the number waiting. */
  pendingComments: number | null;
  editor: boolean;
  admin: boolean;
};

type Item = { href: string; label: string; icon: LucideIcon; badge?: number };

function groups({ pendingComments, editor, admin }: SidebarAccess): { label: string; items: Item[] }[] {
  const list = [
    {
      label: "Write",
      items: [
        { href: "/admin", label: "Dashboard", icon: LayoutDashboard },
        { href: "/admin/posts", label: "Posts", icon: FileText },
        { href: "/admin/pages", label: "Pages", icon: Files },
      ],
    },
    {
      label: "Community",
      items:
        pendingComments === null
          ? []
          : [{ href: "/admin/comments", label: "Comments", icon: MessageSquare, badge: pendingComments }],
    },
    {
      label: "Site",
      items: [
        ...(editor ? [{ href: "/admin/tags", label: "Tags", icon: Tags }] : []),
        { href: "/admin/media", label: "Media", icon: ImageIcon },
        ...(admin
          ? [
              { href: "/admin/design", label: "Design", icon: Palette },
              { href: "/admin/analytics", label: "Analytics", icon: ChartLine },
              { href: "/admin/settings", label: "Settings", icon: Settings },
              { href: "/admin/health", label: "Site health", icon: HeartPulse },
            ]
          : []),
      ],
    },
    {
      label: "Staff",
      items: admin
        ? [
            { href: "/admin/users", label: "Users", icon: Users },
            { href: "/admin/audit", label: "Audit log", icon: ScrollText },
          ]
        : [],
    },
  ];
  return list.filter((group) => group.items.length > 0);
}

/**
 * The admin's navigation, grouped, with the signed-in person's menu at the foot. Rendered on the
 * server; only the links (to mark the current one) and the account menu run in the browser.
 */
export function AdminSidebar({
  access,
  user,
  signOutAction,
  place,
}: {
  /** Where this copy is shown: ids must differ between the sidebar and the drawer. */
  place: "side" | "drawer";
  access: SidebarAccess;
  user: { name: string; role: string };
  signOutAction: () => Promise<void>;
}) {
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <Link href="/admin" className="px-3 pt-2 text-lg font-bold text-zinc-900 no-underline dark:text-zinc-100">
        Quire admin
      </Link>
      <nav aria-label="Admin" className="flex-1 space-y-5">
        {groups(access).map((group) => (
          <div key={group.label}>
            <p
              id={`${place}-nav-${group.label.toLowerCase()}`}
              className="px-3 pb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
            >
              {group.label}
            </p>
            <ul aria-labelledby={`${place}-nav-${group.label.toLowerCase()}`} className="space-y-0.5">
              {group.items.map(({ href, label, icon: Icon, badge }) => (
                <li key={href}>
                  <NavLink href={href}>
                    <Icon className="size-4 shrink-0" aria-hidden />
                    <span className="flex-1">{label}</span>
                    {badge ? (
                      <>
                        <span
                          aria-hidden
                          className="rounded-full bg-amber-200 px-2 text-xs font-semibold text-amber-950 dark:bg-amber-300"
                        >
                          {badge}
                        </span>
                        <span className="sr-only"> ({badge} pending)</span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <ul>
          <li>
            <Link
              href="/"
              className="flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-700 no-underline hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/60"
            >
              <ExternalLink className="size-4 shrink-0" aria-hidden />
              View site
            </Link>
          </li>
        </ul>
      </nav>
      <AccountMenu name={user.name} role={user.role} signOutAction={signOutAction} />
    </div>
  );
}
