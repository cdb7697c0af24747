"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

type Uploaded = { url: string; variants?: { width: number; url: string }[] };

/**
 * An image of the site's (logo, icon, cover): uploaded through the media pipeline
 * (POST /api/media: checked, resized by sharp, in the media library), its address kept in a
 * hidden field until the design is saved. `pick` chooses which stored copy to use.
 */
export function ImageUploadField({
  name,
  label,
  hint,
  alt,
  value,
  onChange,
  preferredWidth,
  errors,
}: {
  name: string;
  label: string;
  hint: string;
  /** Alt text the media library records for the upload. */
  alt: string;
  value: string;
  onChange: (url: string) => void;
  /** Use the smallest resized copy at least this wide (keeps reader pages light); else the original. */
  preferredWidth?: number;
  errors?: string[];
}) {
  const id = useId();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    setStatus({ text: `Uploading ${file.name}…`, error: false });
    const body = new FormData();
    body.append("file", file);
    body.append("alt", alt);
    try {
      const response = await fetch("/api/media", { method: "POST", body });
      const result = (await response.json().catch(() => ({}))) as Uploaded & { error?: string };
      if (!response.ok || !result.url) {
        setStatus({ text: result.error ?? "The upload failed. Please try again.", error: true });
        return;
      }
      onChange(chooseCopy(result, preferredWidth));
      setStatus({ text: `Uploaded ${file.name}. Save the design to use it.`, error: false });
    } catch {
      setStatus({ text: "The upload failed: the server could not be reached.", error: true });
    } finally {
      setBusy(false);
    }
  }

  const messages = [status?.error ? status.text : null, ...(errors ?? [])].filter(Boolean);
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        {value ? (
          // eslint-disable-next-line @next/next/no-img-element -- an upload of ours, shown small
          <img
            src={value}
            alt=""
            className="h-16 w-16 rounded border border-zinc-300 object-contain dark:border-zinc-700"
          />
        ) : (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">None</span>
        )}
        <input
          id={id}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          disabled={busy}
          aria-describedby={`${id}-hint${messages.length ? ` ${id}-error` : ""}`}
          aria-invalid={messages.length ? true : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
          className="text-sm"
        />
        {value && (
          <Button type="button" variant="secondary" onClick={() => onChange("")}>
            Remove {label.toLowerCase()}
          </Button>
        )}
      </div>
      <input type="hidden" name={name} value={value} />
      <p id={`${id}-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
        {hint}
      </p>
      <p role="status" className="text-sm">
        {status && !status.error ? status.text : ""}
      </p>
      {messages.length > 0 && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

function chooseCopy(uploaded: Uploaded, preferredWidth: number | undefined): string {
  if (!preferredWidth) return uploaded.url;
  const wide = (uploaded.variants ?? []).filter((v) => v.width >= preferredWidth).sort((a, b) => a.width - b.width);
  return wide[0]?.url ?? uploaded.url;
}
