import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">
        There is nothing at this address. <Link href="/">Go to the home page</Link>.
      </p>
    </main>
  );
}
