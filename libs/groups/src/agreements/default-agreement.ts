/**
 * Version 1 of every new group's agreement. Facilitators adapt it to their group and publish a new version.
 * Written for integration circles after psychedelic-assisted therapy; plain words, no legal language.
 */
export const DEFAULT_AGREEMENT = `# Our group agreement

This is a space to make sense of what came up in and after your sessions, at your own pace, alongside people
walking a similar path. To keep it safe for everyone, we agree to the following.

## Confidentiality
- What is shared here stays here. We do not copy, screenshot or repeat anyone's words outside the group.
- We use our pseudonyms. We do not try to find out who anyone is, and we do not share our own or anyone
  else's identifying details (full names, addresses, workplaces, photos of faces or children).

## Respect
- We speak from our own experience ("I noticed…", "For me…"), not about what others should feel or do.
- We do not give medical or dosing advice, and we do not encourage anyone to change their treatment.
- Every path is different. We listen without judging, fixing or comparing.
- We do not share anything that promotes substance use outside a clinical setting.

## Taking care
- Content can be intense. When you share something that may be hard to read, say so at the start.
- You may step back, stay quiet or leave at any time; you owe no one an explanation.
- If something in the group troubles you, report it privately to the facilitators.

## If you are in crisis
- This group is not an emergency service and is not watched around the clock.
- If you might hurt yourself, your baby or someone else, call your local emergency number now.
- In the US you can call or text 988 (Suicide & Crisis Lifeline), or call the Postpartum Support
  International HelpLine at 1-800-944-4773.
- When you write about wanting to die or to hurt yourself, Hearth shows you where to find help at once and lets
  a facilitator know, so that someone can reach out to you.

## Facilitators
- Facilitators hold the space: they may remove messages, mute, or remove someone to keep the group safe, and
  will tell you why.
- Facilitators can see your account name and email so they can look after you; other members only see your
  pseudonym.

By accepting, you agree to keep to this agreement for as long as you are in the group.
`;
