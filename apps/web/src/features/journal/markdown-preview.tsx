import Markdown from 'react-markdown';

/** Markdown as React elements: raw HTML in an entry is shown as text, never run. Loaded only when previewing. */
export default function MarkdownPreview({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown skipHtml>{text}</Markdown>
    </div>
  );
}
