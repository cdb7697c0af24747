"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CONTROL_CLASS, FieldShell } from "@/components/ui/field-shell";

/**
 * The import file goes up as the request body itself (app/api/import-export/upload),
 * so the server counts it to disk instead of parsing a multipart form in memory.
 */
export function ImportUploadForm({ maxMegabytes }: { maxMegabytes: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a file to import.");
    if (file.size > maxMegabytes * 1024 * 1024)
      return setError(`The file is too large: imports may be at most ${maxMegabytes} MB.`);
    setError(null);
    setPending(true);
    try {
      const response = await fetch(`/api/import-export/upload?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        body: file,
      });
      const body = (await response.json().catch(() => null)) as { id?: string; error?: string } | null;
      if (!response.ok || !body?.id) return setError(body?.error ?? `The upload failed (${response.status}).`);
      router.push(`/admin/settings/import-export?job=${body.id}`);
    } catch {
      setError("The upload did not reach the server. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={upload} className="max-w-2xl space-y-4" noValidate>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      <FieldShell
        id="import-file"
        label="File to import"
        hint={`A WordPress (WXR .xml), Ghost (.json), Blogger (.xml), Markdown (.zip) or Quire export; at most ${maxMegabytes} MB. It is checked first: nothing is written until you confirm.`}
      >
        {(aria) => (
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xml,.json,.zip"
            className={CONTROL_CLASS}
            {...aria}
          />
        )}
      </FieldShell>
      <Button type="submit" disabled={pending}>
        {pending ? "Uploading and checking…" : "Upload and check"}
      </Button>
    </form>
  );
}
