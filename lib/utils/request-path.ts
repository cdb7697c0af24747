/** Request header proxy.ts sets to the requested path, so the 404 page can search its words. */
export const MISSING_PATH_HEADER = "x-quire-path";
