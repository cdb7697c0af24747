// XML text for the WXR writer. XML 1.0 cannot carry some characters at all (most C0
// controls, lone surrogates, U+FFFE/U+FFFF), escaped or not: they are dropped, or the
// whole file would be refused by a strict parser.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** A CDATA section; a `]]>` inside is split across two sections, the only way to carry it. */
export function cdata(text: string | null | undefined): string {
  return `<![CDATA[${xmlSafe(text ?? "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** `<name>` with escaped text. */
export function element(name: string, text: string | number | null | undefined): string {
  return `<${name}>${text === null || text === undefined ? "" : escapeXml(String(text))}</${name}>`;
}

/** `<name>` with its text in CDATA, as WordPress writes free text. */
export function cdataElement(name: string, text: string | null | undefined): string {
  return `<${name}>${cdata(text)}</${name}>`;
}
