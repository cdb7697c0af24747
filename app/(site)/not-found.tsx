import { NotFoundView } from "@/components/site/not-found-view";
import { notFoundSuggestions } from "@/lib/not-found";

// A notFound() inside the reader site: shown within the site's layout.
export default async function SiteNotFound() {
  return <NotFoundView {...await notFoundSuggestions()} />;
}
