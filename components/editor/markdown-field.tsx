"use client";

import { useRef } from "react";
import { applyCommand, type Command, commandForKey, insertBlock } from "./markdown-commands";

const TOOLS: { command: Command; label: string; text: string; shortcut: string }[] = [
  { command: "bold", label: "Bold", text: "B", shortcut: "Ctrl+B" },
  { command: "italic", label: "Italic", text: "I", shortcut: "Ctrl+I" },
  { command: "link", label: "Link", text: "Link", shortcut: "Ctrl+K" },
  { command: "heading", label: "Heading", text: "H", shortcut: "Ctrl+Alt+H" },
  { command: "code", label: "Code", text: "</>", shortcut: "Ctrl+E" },
  { command: "quote", label: "Quote", text: "❝", shortcut: "Ctrl+Alt+Q" },
  { command: "list", label: "List", text: "•", shortcut: "Ctrl+Alt+L" },
];

type Props = {
  value: string;
  onChange: (value: string) => void;
  onImageFile: (file: File | null) => void;
  onSaveShortcut: () => void;
  previewHtml: string;
  errors?: string[];
};

/** The Markdown body: toolbar, shortcuts, paste/drop of images, and the live preview beside it. */
export function MarkdownField({ value, onChange, onImageFile, onSaveShortcut, previewHtml, errors }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);

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
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor="field-markdown" className="block text-sm font-medium">
          Body (Markdown)
        </label>
        <div role="toolbar" aria-label="Formatting" aria-controls="field-markdown" className="flex flex-wrap gap-1">
          {TOOLS.map((tool) => (
            <button
              key={tool.command}
              type="button"
              aria-label={tool.label}
              title={`${tool.label} (${tool.shortcut})`}
              onClick={() => run(tool.command)}
              className="rounded border border-zinc-400 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
            >
              {tool.text}
            </button>
          ))}
          <button
            type="button"
            title="Upload an image (or paste / drop one into the text)"
            onClick={() => onImageFile(null)}
            className="rounded border border-zinc-400 px-2 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800"
          >
            Image
          </button>
        </div>
        <textarea
          ref={area}
          id="field-markdown"
          name="markdown"
          value={value}
          rows={24}
          aria-describedby="markdown-hint"
          aria-invalid={errors?.length ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
              event.preventDefault();
              return onSaveShortcut();
            }
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
          className="block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 font-mono text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <p id="markdown-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
          Paste or drop an image to upload it. Ctrl+S saves.
        </p>
        {errors?.length ? <p className="text-sm text-red-700 dark:text-red-300">{errors.join(" ")}</p> : null}
      </div>
      <section
        aria-labelledby="preview-heading"
        className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
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
      </section>
    </div>
  );
}

export { insertBlock };
