"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export type UploadedImage = { url: string; alt: string; width: number | null; height: number | null };

type Props = {
  /** A file that was pasted or dropped; null when opened from a button (then a picker is shown). */
  file: File | null;
  open: boolean;
  title: string;
  onClose: () => void;
  onUploaded: (image: UploadedImage) => void;
};

// Alt text is asked for before the image goes anywhere: no image is inserted without it.
export function ImageUploadDialog({ file, open, title, onClose, onUploaded }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [picked, setPicked] = useState<File | null>(file);
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setPicked(file);
      setAlt("");
      setError(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, file]);

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
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="upload-dialog-title"
      className="m-auto w-full max-w-md rounded-lg border border-zinc-300 bg-white p-6 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="upload-dialog-title" className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-4 space-y-4">
        {file ? (
          <p className="text-sm">File: {file.name}</p>
        ) : (
          <div className="space-y-1">
            <label htmlFor="upload-file" className="block text-sm font-medium">
              Image file
            </label>
            <input
              id="upload-file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              onChange={(event) => setPicked(event.target.files?.[0] ?? null)}
            />
            <p className="text-sm text-zinc-600 dark:text-zinc-400">JPEG, PNG, WebP, GIF or AVIF, up to 10 MB.</p>
          </div>
        )}
        <div className="space-y-1">
          <label htmlFor="upload-alt" className="block text-sm font-medium">
            Alt text (required)
          </label>
          <input
            id="upload-alt"
            value={alt}
            onChange={(event) => setAlt(event.target.value)}
            maxLength={300}
            className="block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
          />
        </div>
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
    </dialog>
  );
}
