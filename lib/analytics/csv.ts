/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
 * =, +, - or @ gets an apostrophe so a spreadsheet shows it rather than running it.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
