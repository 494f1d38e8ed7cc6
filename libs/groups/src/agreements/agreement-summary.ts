/** An agreement in brief, for the invitation page: its opening paragraph and its section headings. */
export interface AgreementSummary {
  intro: string;
  topics: string[];
}

const INTRO_LIMIT = 600;

export function summarizeAgreement(markdown: string): AgreementSummary {
  const blocks = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const topics = markdown
    .split('\n')
    .map((line) => /^#{2,3}\s+(.+?)\s*#*\s*$/.exec(line.trim())?.[1])
    .filter((heading): heading is string => Boolean(heading));
  const paragraph = blocks.find((block) => !/^(#|[-*+]\s|\d+[.)]\s|>)/.test(block)) ?? '';
  const intro =
    paragraph.length > INTRO_LIMIT ? `${paragraph.slice(0, INTRO_LIMIT).replace(/\s+\S*$/, '')}…` : paragraph;
  return { intro: intro.replace(/\s*\n\s*/g, ' '), topics };
}
