import sharp from "sharp";
import { deleteMediaAction } from "@/lib/actions/delete-media";
import { handleUpload } from "@/lib/media/upload";
import { type MatrixRow, ok, SITE, STAFF, STAFF_EDIT } from "../authz-matrix";

// Admin → Media: uploading an image and deleting a media item.

async function png(): Promise<Blob> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/png" });
}

async function upload(): Promise<Response> {
  const form = new FormData();
  form.set("file", await png(), "pier.png");
  form.set("alt", "A pier");
  return handleUpload(
    new Request(`${SITE}/api/media`, { method: "POST", headers: { origin: SITE, host: "blog.example" }, body: form }),
  );
}

export const MEDIA_ACTIONS: MatrixRow[] = [
  {
    what: "delete a media item",
    entry: deleteMediaAction,
    run: (t) => deleteMediaAction(null, { id: t.media }),
    allowed: STAFF_EDIT,
  },
  // Route handlers.
  { what: "upload an image", entry: "app/api/media/route.ts POST", run: () => upload().then(ok), allowed: STAFF },
];
