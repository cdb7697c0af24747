"use client";

import { useEffect, useRef, useState } from "react";
import type { EditorActions } from "@/lib/utils/editor-types";

type Preview = { html: string; wordCount: number };

const PREVIEW_DELAY_MS = 350;

/** The body rendered by the server's pipeline (the one the site uses), a moment after typing stops. */
export function useLivePreview(markdown: string, render: EditorActions["preview"], initial: Preview) {
  const [preview, setPreview] = useState(initial);
  // Only the newest request may show: an older answer arriving late would show stale text.
  const newest = useRef(0);
  useEffect(() => {
    const request = ++newest.current;
    const timer = setTimeout(async () => {
      const response = await render(null, { markdown }).catch(() => null);
      if (response?.ok && response.data && request === newest.current) setPreview(response.data);
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [markdown, render]);
  return preview;
}
