// Toolbar and keyboard commands as pure text edits: (text, selection) → (text, selection).
export type Selection = { text: string; start: number; end: number };
export type Command = "bold" | "italic" | "link" | "heading" | "code" | "quote" | "list";

/** The formatting toolbar and its shortcuts (also listed by the shortcut sheet, `?`). */
export const FORMAT_TOOLS: { command: Command; label: string; text: string; shortcut: string }[] = [
  { command: "bold", label: "Bold", text: "B", shortcut: "Ctrl+B" },
  { command: "italic", label: "Italic", text: "I", shortcut: "Ctrl+I" },
  { command: "link", label: "Link", text: "Link", shortcut: "Ctrl+K" },
  { command: "heading", label: "Heading", text: "H", shortcut: "Ctrl+Alt+H" },
  { command: "code", label: "Code", text: "</>", shortcut: "Ctrl+E" },
  { command: "quote", label: "Quote", text: "❝", shortcut: "Ctrl+Alt+Q" },
  { command: "list", label: "List", text: "•", shortcut: "Ctrl+Alt+L" },
];

const WRAP: Partial<Record<Command, [string, string, string]>> = {
  bold: ["**", "**", "bold text"],
  italic: ["_", "_", "italic text"],
  code: ["`", "`", "code"],
  link: ["[", "](https://)", "link text"],
};

const LINE_PREFIX: Partial<Record<Command, string>> = { heading: "## ", quote: "> ", list: "- " };

export function applyCommand({ text, start, end }: Selection, command: Command): Selection {
  const wrap = WRAP[command];
  if (wrap) {
    const [before, after, placeholder] = wrap;
    const selected = text.slice(start, end) || placeholder;
    const next = text.slice(0, start) + before + selected + after + text.slice(end);
    return { text: next, start: start + before.length, end: start + before.length + selected.length };
  }
  // Line commands prefix every selected line (or the current one).
  const prefix = LINE_PREFIX[command]!;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const block = text.slice(lineStart, end);
  const prefixed = block
    .split("\n")
    .map((line) => (line.startsWith(prefix) ? line : prefix + line))
    .join("\n");
  const next = text.slice(0, lineStart) + prefixed + text.slice(end);
  return { text: next, start: start + prefix.length, end: end + (prefixed.length - block.length) };
}

/** Inserts text at the caret (e.g. an uploaded image), on its own line. */
export function insertBlock({ text, start, end }: Selection, block: string): Selection {
  const before = text.slice(0, start);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const next = `${before}${lead}${block}\n\n${text.slice(end)}`;
  const caret = before.length + lead.length + block.length + 2;
  return { text: next, start: caret, end: caret };
}

/** Keyboard shortcuts: Ctrl/⌘ + B, I, K, E; Ctrl/⌘ + Alt + H (heading), Q (quote), L (list). */
export function commandForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): Command | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (event.altKey) return ({ h: "heading", q: "quote", l: "list" } as Record<string, Command>)[key] ?? null;
  return ({ b: "bold", i: "italic", k: "link", e: "code" } as Record<string, Command>)[key] ?? null;
}
