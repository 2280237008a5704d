/** Text with `backtick` spans shown as code, the one piece of Markdown our API descriptions use. */
export function InlineCode({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-slate-100 px-1">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
