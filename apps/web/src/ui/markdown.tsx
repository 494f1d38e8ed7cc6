import { lazy, Suspense } from 'react';

// The renderer is a sizeable bundle: it loads with the first screen that shows Markdown.
const MarkdownRendered = lazy(() => import('./markdown-rendered'));

/**
 * Text written in Markdown (agreements, journal entries), rendered safely. `topHeading` is the level a `#`
 * heading takes on this screen, so the page's own outline stays whole.
 */
export function Markdown({
  text,
  topHeading = 2,
  className = 'markdown-text',
}: {
  text: string;
  topHeading?: number;
  className?: string;
}) {
  return (
    <Suspense fallback={<div className={`${className} markdown-pending`}>{text}</div>}>
      <MarkdownRendered text={text} topHeading={topHeading} className={className} />
    </Suspense>
  );
}

/** The start of an entry for a card: cut at a word, not inside one. */
export function openingOf(text: string, limit = 240): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit).replace(/\s+\S*$/, '')}…`;
}
