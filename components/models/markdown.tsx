import ReactMarkdown from 'react-markdown';

// react-markdown renders no raw HTML and drops javascript: links, so a model card cannot inject script.
export function Markdown({ text }: { text: string }) {
  return (
    <div className="prose-sm space-y-2 text-slate-800 [&_a]:text-indigo-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_li]:ml-5 [&_ul]:list-disc">
      <ReactMarkdown>{text}</ReactMarkdown>
    </div>
  );
}
