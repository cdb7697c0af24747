import { collectionRoute } from "@/lib/site/collection-route";

const route = collectionRoute("tag");
export const generateMetadata = route.generateMetadata;
export default route.Page;
