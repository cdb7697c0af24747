import Link from "next/link";

export function SiteHeader({ title, description }: { title: string; description: string }) {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-baseline gap-x-6 gap-y-2 px-4 py-6">
        <div>
          <Link href="/" className="text-2xl font-bold text-zinc-900 no-underline dark:text-zinc-100">
            {title}
          </Link>
          {description && <p className="text-sm text-zinc-700 dark:text-zinc-300">{description}</p>}
        </div>
        <nav aria-label="Site" className="ml-auto flex gap-4">
          <Link href="/">Home</Link>
          <Link href="/about">About</Link>
        </nav>
      </div>
    </header>
  );
}
