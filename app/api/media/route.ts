// POST /api/media — upload an image (multipart: file, alt); staff only, same origin.
import { handleUpload } from "@/lib/media/upload";

export const POST = handleUpload;
