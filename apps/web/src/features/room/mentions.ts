/** Someone the composer can name: a member of the group by pseudonym (never an account, never an email). */
export interface Mentionable {
  membershipId: string;
  pseudonym: string;
}

/** A mention being typed: where its `@` is, and the letters after it. */
export interface MentionQuery {
  at: number;
  text: string;
}

/**
 * The `@` the caret is in, as the server reads mentions: at the start of the text or after a space or opening
 * punctuation. Pseudonyms may hold spaces, so the query runs to the caret (up to a pseudonym's length).
 */
export function mentionQueryAt(body: string, caret: number): MentionQuery | null {
  const match = /(?:^|[\s([{"'])@([^@\n]{0,40})$/u.exec(body.slice(0, caret));
  if (!match) return null;
  return { at: caret - match[1].length - 1, text: match[1] };
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase();

/** Members whose pseudonym starts with the query, then those with a later word that does; at most `limit`. */
export function matchingMembers(members: Mentionable[], query: string, limit = 8): Mentionable[] {
  const wanted = fold(query);
  const byName = [...members].sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  const first = byName.filter((m) => fold(m.pseudonym).startsWith(wanted));
  const later = byName.filter(
    (m) =>
      !first.includes(m) &&
      fold(m.pseudonym)
        .split(/\s+/u)
        .slice(1)
        .some((word) => word.startsWith(wanted)),
  );
  return [...first, ...later].slice(0, limit);
}

/** The text with the query replaced by `@pseudonym ` (exactly what the server looks for), and the caret after it. */
export function insertMention(
  body: string,
  query: MentionQuery,
  caret: number,
  member: Mentionable,
): { body: string; caret: number } {
  const inserted = `@${member.pseudonym} `;
  const rest = body.slice(caret).replace(/^ /u, '');
  return { body: body.slice(0, query.at) + inserted + rest, caret: query.at + inserted.length };
}
