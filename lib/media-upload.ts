import "server-only";
import { z } from "zod";
import { insertMedia } from "@/db/queries/media";
import { can } from "./authz";
import { inspectImage, makeVariants, MAX_UPLOAD_BYTES } from "./media-processing";
import { getCurrentUser } from "./session";
import { folderStorage, newMediaKey } from "./storage";
import { isSameOrigin } from "./utils/same-origin";

type Reply = { status: number; body: Record<string, unknown> };

const altSchema = z
  .string()
  .trim()
  .min(1, "Add alt text: describe the image for people who cannot see it.")
  .max(300, "Use at most 300 characters of alt text.");
const TOO_LARGE = `The file is too large: images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
const UNSUPPORTED = "Only JPEG, PNG, WebP, GIF and AVIF images can be uploaded; this file is not one of them.";

/** POST /api/media: session, role, origin, size, then the bytes decide the type. */
export async function handleUpload(request: Request): Promise<Reply> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, body: { error: "Please sign in to continue." } };
  if (!can(user, "media.upload")) return { status: 403, body: { error: "You do not have permission to do that." } };
  // A cross-site page must not be able to upload with a staff member's cookie.
  if (!isSameOrigin(request.headers))
    return { status: 403, body: { error: "Uploads are accepted from this site's admin only." } };
  return storeImageUpload(request, user, { requireAlt: true });
}

/**
 * The upload pipeline shared by the editor and the Admin API: size, then the bytes
 * decide the type, then the variants. Whoever calls it has checked who may upload.
 */
export async function storeImageUpload(
  request: Request,
  uploader: { id: number; name: string; label?: string },
  { requireAlt }: { requireAlt: boolean },
): Promise<Reply> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024) return { status: 413, body: { error: TOO_LARGE } };

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) return { status: 400, body: { error: "Choose an image file to upload." } };
  if (file.size > MAX_UPLOAD_BYTES) return { status: 413, body: { error: TOO_LARGE } };
  const originalName = file.name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "upload";
  // Ghost's clients send no alt text: the API falls back to the file's name.
  const givenAlt = form.get("alt") ?? (requireAlt ? "" : originalName.replace(/\.[a-z0-9]+$/i, ""));
  const alt = altSchema.safeParse(givenAlt);
  if (!alt.success) return { status: 400, body: { error: alt.error.issues[0]!.message } };

  const bytes = Buffer.from(await file.arrayBuffer());
  const image = await inspectImage(bytes);
  if (!image) return { status: 415, body: { error: UNSUPPORTED } };

  // The stored name is generated; the uploaded one is kept only as a label.
  const storage = folderStorage();
  const { base, key } = newMediaKey(image.ext, image.width);
  const variants = await makeVariants(bytes, image.width);
  await storage.put(key, bytes);
  const stored = [];
  for (const variant of variants) {
    const variantKey = `${base}-${variant.width}.webp`;
    await storage.put(variantKey, variant.bytes);
    stored.push({ width: variant.width, key: variantKey, size: variant.bytes.length });
  }
  const created = insertMedia(
    {
      storageKey: key,
      originalName,
      mimeType: image.mime,
      size: bytes.length,
      width: image.width,
      height: image.height,
      alt: alt.data,
      variants: stored,
      uploadedBy: uploader.id,
    },
    { actorId: uploader.id, actorLabel: uploader.label ?? uploader.name },
  );
  return {
    status: 201,
    body: {
      id: created.id,
      url: `/media/${key}`,
      ref: typeof form.get("ref") === "string" ? String(form.get("ref")).slice(0, 200) : null,
      mimeType: image.mime,
      width: image.width,
      height: image.height,
      alt: alt.data,
      variants: stored.map((v) => ({ width: v.width, url: `/media/${v.key}` })),
    },
  };
}
