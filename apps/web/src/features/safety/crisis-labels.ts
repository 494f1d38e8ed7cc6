/** Crisis labels as facilitators read them: never a raw code. */
const CATEGORIES: Record<string, string> = {
  suicide: 'Thoughts of suicide',
  self_harm: 'Self-harm',
  harm_to_baby: 'Harm to a baby',
  harm_to_others: 'Harm to others',
  crisis_concern: 'Someone is worried about them',
};

/** The category as a heading or a choice: "Thoughts of suicide". */
export function categoryTitle(category: string): string {
  return CATEGORIES[category] ?? 'A crisis';
}

/** The category inside a sentence: "thoughts of suicide". */
export function categoryLabel(category: string): string {
  const title = categoryTitle(category);
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** What a facilitator may name when she opens an incident herself. */
export const CATEGORY_CHOICES = Object.entries(CATEGORIES).map(([code, title]) =>
  code === 'crisis_concern' ? ([code, 'I am worried about them'] as const) : ([code, title] as const),
);

/** Where an incident came from, in words: "from their words". */
export function sourceLabel(source: 'detector' | 'report' | 'questionnaire' | 'facilitator'): string {
  return source === 'report'
    ? 'from a member’s report'
    : source === 'questionnaire'
      ? 'from a questionnaire answer'
      : source === 'facilitator'
        ? 'opened by a facilitator'
        : 'crisis words in their message';
}

/** `urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts. */
export function tierLabel(tier: 'urgent' | 'concern'): string {
  return tier === 'urgent' ? 'Urgent' : 'Concern';
}
