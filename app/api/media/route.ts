// POST /api/media — upload an image (multipart: file, alt); staff only, same origin.
import { NextResponse } from "next/server";
import { handleUpload } from "@/lib/media-upload";

export async function POST(request: Request) {
  try {
    const { status, body } = await handleUpload(request);
    return NextResponse.json(body, { status });
  } catch (error) {
    console.error("[quire] upload failed", error);
    return NextResponse.json(
      { error: "The upload failed on our side. Nothing was saved; please try again." },
      { status: 500 },
    );
  }
}
