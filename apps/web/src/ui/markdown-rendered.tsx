import { createElement, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

/** What people write with: no images (they would call out to other sites), no raw HTML (shown as nothing). */
const ALLOWED = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'em',
  'strong',
  'del',
  'blockquote',
  'a',
  'code',
  'pre',
  'br',
  'hr',
];

function headings(topLevel: number): Components {
  const heading =
    (level: number) =>
    ({ children }: { children?: ReactNode }) =>
      createElement(`h${Math.min(6, level + topLevel - 1)}`, null, children);
  return { h1: heading(1), h2: heading(2), h3: heading(3), h4: heading(4), h5: heading(5), h6: heading(6) };
}

/** Markdown as React elements, never as HTML: a link opens apart from Hearth and tells the site nothing. */
export default function MarkdownRendered({
  text,
  topHeading,
  className,
}: {
  text: string;
  topHeading: number;
  className: string;
}) {
  const components: Components = {
    ...headings(topHeading),
    a: ({ href, children }) => (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ),
  };
  return (
    <div className={className}>
      <ReactMarkdown skipHtml allowedElements={ALLOWED} unwrapDisallowed components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
