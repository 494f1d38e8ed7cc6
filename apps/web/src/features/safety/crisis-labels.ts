/** Crisis labels as facilitators read them: never a raw code. */
const CATEGORIES: Record<string, string> = {
  suicide: 'thoughts of suicide',
  self_harm: 'self-harm',
  harm_to_baby: 'harm to the baby',
  harm_to_others: 'harm to others',
  crisis_concern: 'a member is worried about them',
};

export function categoryLabel(category: string): string {
  return CATEGORIES[category] ?? 'crisis';
}

/** `urgent`: intent, a plan, means, an act; `concern`: passive ideation, burden, frightening thoughts. */
export function tierLabel(tier: 'urgent' | 'concern'): string {
  return tier === 'urgent' ? 'Urgent' : 'Concern';
}
