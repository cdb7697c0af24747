import type { Metadata } from "next";
import { DesignForm } from "@/components/admin/design/design-form";
import { listMenuTargets } from "@/db/queries/menu-targets";
import { getSettings } from "@/db/queries/settings";
import { updateDesignAction } from "@/lib/actions/update-design";
import { hasRole } from "@/lib/authz";
import { requireStaff } from "@/lib/page-guards";
import { loadListPage } from "@/lib/site/reader";

export const metadata: Metadata = { title: "Design · Quire" };

const PREVIEW_POSTS = 4;

export default async function DesignPage() {
  const user = await requireStaff("/admin/design");
  if (!hasRole(user, "admin")) {
    return <p role="alert">Only administrators can change the site&rsquo;s design.</p>;
  }
  const s = await getSettings();
  const latest = await loadListPage({ scope: {}, page: 1, perPage: PREVIEW_POSTS });
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Design</h1>
      <p className="mb-6 max-w-prose text-sm">
        How the reader site looks. Saved choices show on the site from the next page anyone opens.
      </p>
      <DesignForm
        action={updateDesignAction}
        menuTargets={await listMenuTargets()}
        current={{
          accentColor: s.accentColor,
          accentColorDark: s.accentColorDark,
          fontPairing: s.fontPairing,
          logoUrl: s.logoUrl ?? "",
          siteIconUrl: s.siteIconUrl ?? "",
          coverImageUrl: s.coverImageUrl ?? "",
          navigation: Array.isArray(s.navigation) ? s.navigation : [],
          footerNavigation: Array.isArray(s.footerNavigation) ? s.footerNavigation : [],
          homeLayout: s.homeLayout,
          postsPerPage: String(s.postsPerPage),
        }}
        preview={{
          title: s.title,
          description: s.description,
          posts: latest?.cards ?? [],
          timeZone: s.timezone,
        }}
      />
    </>
  );
}
