/** The first sentence-ish of a Markdown description as plain text, for a catalog row. */
export function descriptionLine(markdown: string | null, max = 140): string {
  if (!markdown) return '';
  const text = markdown
    .split(/\n\s*\n/)[0]!
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/[`*_#>~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
