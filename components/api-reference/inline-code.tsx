/** Text with `backtick` spans shown as code, the one piece of Markdown our API descriptions use. */
export function InlineCode({ text }: { text: string }) {
  // The parts never move or change, so their position is a stable key.
  return text.split('`').map((part, i) =>
    i % 2 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of a constant text
      <code key={i} className="rounded bg-slate-100 px-1">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
