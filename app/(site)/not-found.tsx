import { NotFoundView } from "@/components/site/not-found-view";
import { notFoundSuggestions } from "@/lib/site/not-found";

// A notFound() inside the reader site, as Next's browser runtime draws it (under `next dev`
// and for its client router). Next leaves it out of the server's HTML, so bin/server
// answers a reader page's notFound() with app/not-found.tsx instead (see there).
export default async function SiteNotFound() {
  return <NotFoundView {...await notFoundSuggestions()} />;
}
