"use client";

import { useState } from "react";

type Target = "body" | "feature";

/** The upload dialog's state: closed, or open for the body (maybe with a pasted file) or the featured image. */
export function useImageUpload() {
  const [upload, setUpload] = useState<{ open: boolean; file: File | null; target: Target }>({
    open: false,
    file: null,
    target: "body",
  });
  return {
    ...upload,
    openFor: (target: Target, file: File | null = null) => setUpload({ open: true, file, target }),
    close: () => setUpload((current) => ({ ...current, open: false })),
  };
}
