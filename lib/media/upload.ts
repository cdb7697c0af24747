import "server-only";
import { z } from "zod";
import { insertMedia } from "@/db/queries/media";
import { minimumRole } from "../authz";
import { AppError } from "../errors";
import { route } from "../route";
import { inspectImage, MAX_UPLOAD_BYTES } from "./processing";
import { storeImageFiles } from "./store-image";

const altSchema = z
  .string()
  .trim()
  .min(1, "Add alt text: describe the image for people who cannot see it.")
  .max(300, "Use at most 300 characters of alt text.");
const TOO_LARGE = `The file is too large: images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
const UNSUPPORTED = "Only JPEG, PNG, WebP, GIF and AVIF images can be uploaded; this file is not one of them.";

/** POST /api/media: a staff member from this site's admin; then size, then the bytes decide the type. */
export const handleUpload = route({ auth: { session: minimumRole("media.upload") } }, async (request, { user }) =>
  Response.json(await storeImageUpload(request, user, { requireAlt: true }), { status: 201 }),
);

/**
 * The upload pipeline shared by the editor and the Admin API: size, then the bytes
 * decide the type, then the variants. Whoever calls it has checked who may upload.
 */
export async function storeImageUpload(
  request: Request,
  uploader: { id: number; name: string; label?: string },
  { requireAlt }: { requireAlt: boolean },
) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) throw new AppError("too_large", TOO_LARGE);

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new AppError("bad_request", "Choose an image file to upload.");
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError("too_large", TOO_LARGE);
  const originalName = file.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "upload";
  // Ghost's clients send no alt text: the API falls back to the file's name.
  const givenAlt = form.get("alt") ?? (requireAlt ? "" : originalName.replace(/\.[a-z0-9]+$/i, ""));
  const alt = altSchema.safeParse(givenAlt);
  // A missing part of the upload, like the file itself: 400, as the editor's uploader expects.
  if (!alt.success) throw new AppError("bad_request", alt.error.issues[0]!.message);

  const bytes = Buffer.from(await file.arrayBuffer());
  const image = await inspectImage(bytes);
  if (!image) throw new AppError("unsupported_type", UNSUPPORTED);

  // The stored name is generated; the uploaded one is kept only as a label.
  const { key, variants } = await storeImageFiles(bytes, image);
  const created = await insertMedia(
    {
      storageKey: key,
      originalName,
      mimeType: image.mime,
      size: bytes.length,
      width: image.width,
      height: image.height,
      alt: alt.data,
      variants,
      uploadedBy: uploader.id,
    },
    { actorId: uploader.id, actorLabel: uploader.label ?? uploader.name },
  );
  return {
    id: created.id,
    url: `/media/${key}`,
    ref: typeof form.get("ref") === "string" ? String(form.get("ref")).slice(0, 200) : null,
    mimeType: image.mime,
    width: image.width,
    height: image.height,
    alt: alt.data,
    variants: variants.map((v) => ({ width: v.width, url: `/media/${v.key}` })),
  };
}
