import Link from "next/link";
type NavLink = { label: string; url: string };

export function SiteHeader({
  title,
  description,
  logoUrl,
  navigation,
}: {
  title: string;
  description: string;
  logoUrl: string | null;
  navigation: NavLink[];
}) {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-6">
        <div className="flex items-center gap-3">
          {logoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- the owner's logo, any host: no image optimiser round trip
            <img src={logoUrl} alt="" width={40} height={40} className="h-10 w-10 rounded object-contain" />
          )}
          <div>
            <Link href="/" className="text-2xl font-bold text-zinc-900 no-underline hover:underline dark:text-zinc-100">
              {title}
            </Link>
            {description && <p className="text-sm text-zinc-700 dark:text-zinc-300">{description}</p>}
          </div>
        </div>
        <nav aria-label="Site" className="ml-auto">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {navigation.map((link) => (
              <li key={`${link.label}|${link.url}`}>
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
            <li>
              <Link href="/search">Search</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
