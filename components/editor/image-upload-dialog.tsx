"use client";

import { useState } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldShell } from "@/components/ui/field-shell";

export type UploadedImage = { url: string; alt: string; width: number | null; height: number | null };

type Props = {
  /** A file that was pasted or dropped; null when opened from a button (then a picker is shown). */
  file: File | null;
  open: boolean;
  title: string;
  onClose: () => void;
  onUploaded: (image: UploadedImage) => void;
};

// Alt text is asked for before the image goes anywhere: no image is inserted without it. Radix's
// dialog traps focus, returns it to the button that opened it, and closes on Escape.
export function ImageUploadDialog({ file, open, title, onClose, onUploaded }: Props) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogContent title={title} className="max-w-md">
        {/* Mounted only while open, so every opening starts empty. */}
        <UploadForm file={file} onClose={onClose} onUploaded={onUploaded} />
      </DialogContent>
    </Dialog>
  );
}

function UploadForm({ file, onClose, onUploaded }: Omit<Props, "open" | "title">) {
  const [picked, setPicked] = useState<File | null>(file);
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload() {
    if (!picked) return setError("Choose an image file.");
    if (!alt.trim()) return setError("Describe the image for people who cannot see it (alt text).");
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append("file", picked);
    body.append("alt", alt.trim());
    try {
      const response = await fetch("/api/media", { method: "POST", body });
      const result = (await response.json().catch(() => ({}))) as {
        url?: string;
        error?: string;
        width?: number;
        height?: number;
      };
      if (!response.ok || !result.url) return setError(result.error ?? "The upload failed. Please try again.");
      onUploaded({ url: result.url, alt: alt.trim(), width: result.width ?? null, height: result.height ?? null });
      onClose();
    } catch {
      setError("The upload failed: the server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      {file ? (
        <p className="text-sm">File: {file.name}</p>
      ) : (
        <FieldShell id="upload-file" label="Image file" hint="JPEG, PNG, WebP, GIF or AVIF, up to 10 MB.">
          {(aria) => (
            <input
              id="upload-file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              onChange={(event) => setPicked(event.target.files?.[0] ?? null)}
              {...aria}
            />
          )}
        </FieldShell>
      )}
      <Field
        id="upload-alt"
        label="Alt text (required)"
        name="alt"
        value={alt}
        onChange={(event) => setAlt(event.target.value)}
        maxLength={300}
      />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="button" onClick={upload} disabled={busy}>
          {busy ? "Uploading…" : "Upload and insert"}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
