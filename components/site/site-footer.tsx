import Link from "next/link";
export function SiteFooter({ title, links = [] }: { title: string; links?: { label: string; url: string }[] }) {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-3xl flex-wrap gap-x-4 gap-y-2 px-4 py-8 text-sm text-zinc-700 dark:text-zinc-300">
        <p>{title} · Published with Quire.</p>
        <nav aria-label="Footer" className="ml-auto">
          <ul className="flex flex-wrap gap-x-4">
            {links.map((link) => (
              <li key={`${link.label}|${link.url}`}>
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
            <li>
              <Link href="/archive">Archive</Link>
            </li>
            <li>
              <a href="/rss.xml">RSS</a>
            </li>
            <li>
              <a href="/atom.xml">Atom</a>
            </li>
            <li>
              <a href="/feed.json">JSON Feed</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
