"use client";

import { useRef, useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { applyCommand, type Command, commandForKey, FORMAT_TOOLS, insertBlock } from "./markdown-commands";

const TOOL_CLASS =
  "rounded border border-zinc-400 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800";

type Props = {
  value: string;
  onChange: (value: string) => void;
  onImageFile: (file: File | null) => void;
  previewHtml: string;
  errors?: string[];
};

// Write and Preview are tabs while the writing column is narrow (a phone, or the settings panel open);
// with room (a container query, not the window) the preview sits beside the text and the tabs go.
const PANEL_CLASS = "min-w-0 data-[state=inactive]:hidden @3xl:data-[state=inactive]:block";

/** The Markdown body: toolbar, shortcuts, paste/drop of images, and the live preview (a tab, or beside it). */
export function MarkdownField({ value, onChange, onImageFile, previewHtml, errors }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState("write");

  function run(command: Command) {
    const element = area.current!;
    const next = applyCommand(
      { text: element.value, start: element.selectionStart, end: element.selectionEnd },
      command,
    );
    onChange(next.text);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.start, next.end);
    });
  }

  function imageFrom(list: FileList | null | undefined): File | null {
    return Array.from(list ?? []).find((file) => file.type.startsWith("image/")) ?? null;
  }

  return (
    <Tabs value={tab} onValueChange={setTab} className="@container">
      <TabsList aria-label="Body view" className="mb-2 @3xl:hidden">
        <TabsTrigger value="write">Write</TabsTrigger>
        <TabsTrigger value="preview">Preview</TabsTrigger>
      </TabsList>
      <div className="grid gap-4 @3xl:grid-cols-2">
        <TabsContent value="write" forceMount className={`space-y-1 ${PANEL_CLASS}`}>
          <label htmlFor="field-markdown" className="block text-sm font-medium">
            Body (Markdown)
          </label>
          <div role="toolbar" aria-label="Formatting" aria-controls="field-markdown" className="flex flex-wrap gap-1">
            {FORMAT_TOOLS.map((tool) => (
              <button
                key={tool.command}
                type="button"
                aria-label={tool.label}
                title={`${tool.label} (${tool.shortcut})`}
                onClick={() => run(tool.command)}
                className={TOOL_CLASS}
              >
                {tool.text}
              </button>
            ))}
            <button
              type="button"
              title="Upload an image (or paste / drop one into the text)"
              onClick={() => onImageFile(null)}
              className={TOOL_CLASS}
            >
              Image
            </button>
          </div>
          <textarea
            ref={area}
            id="field-markdown"
            name="markdown"
            value={value}
            rows={20}
            aria-describedby="markdown-hint"
            aria-invalid={errors?.length ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              const command = commandForKey(event);
              if (command) {
                event.preventDefault();
                run(command);
              }
            }}
            onPaste={(event) => {
              const file = imageFrom(event.clipboardData?.files);
              if (file) {
                event.preventDefault();
                onImageFile(file);
              }
            }}
            onDrop={(event) => {
              const file = imageFrom(event.dataTransfer?.files);
              if (file) {
                event.preventDefault();
                onImageFile(file);
              }
            }}
            className="block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 font-serif text-lg leading-8 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <p id="markdown-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
            Paste or drop an image to upload it. Ctrl+S saves; outside the text, ? lists every shortcut.
          </p>
          {errors?.length ? <p className="text-sm text-red-700 dark:text-red-300">{errors.join(" ")}</p> : null}
        </TabsContent>
        <TabsContent
          value="preview"
          forceMount
          aria-labelledby="preview-heading"
          className={`rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${PANEL_CLASS}`}
        >
          <h2 id="preview-heading" className="mb-2 text-sm font-semibold text-zinc-700 dark:text-zinc-300">
            Preview
          </h2>
          {/* Sanitised HTML from the server's renderer, the same one the site uses. */}
          <div
            data-testid="preview"
            className="prose prose-zinc max-w-none dark:prose-invert"
            dangerouslySetInnerHTML={{ __html: previewHtml }}
          />
        </TabsContent>
      </div>
    </Tabs>
  );
}

export { insertBlock };
