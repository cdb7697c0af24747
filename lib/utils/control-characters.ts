// HTML forbids control characters in a document (the Nu checker rejects U+0007, U+001B …),
// and no person means one in a title or a name: they arrive by paste or from hostile input.
// Tab, line feed and carriage return stay, since Markdown bodies need them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The text without the control characters HTML cannot carry. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}
