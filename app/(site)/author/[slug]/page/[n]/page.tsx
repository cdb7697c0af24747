import { collectionRoute } from "@/lib/site/collection-route";

const route = collectionRoute("author");
export const generateMetadata = route.generateMetadata;
export default route.Page;
