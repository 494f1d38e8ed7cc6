import { Injectable } from '@nestjs/common';

import { GroupPolicy } from '@hearth/groups';

/** `@` followed by a name, at the start of the text or after a space or opening punctuation. */
const MENTION_START = /(?:^|[\s([{"'])@/u;

/**
 * Which members a message names as `@pseudonym`. Pseudonyms may hold spaces, so each one is looked for whole,
 * case-insensitively, and must end at a word boundary. Most messages name nobody and cost no query.
 */
@Injectable()
export class Mentions {
  constructor(private readonly groups: GroupPolicy) {}

  async in(groupId: string, body: string, authorMembershipId: string | null): Promise<string[]> {
    if (!MENTION_START.test(body)) return [];
    const members = await this.groups.activeMemberships(groupId);
    return mentionedIn(
      body,
      members.filter((m) => m.id !== authorMembershipId && m.pseudonym !== null),
    );
  }
}

export function mentionedIn(body: string, members: { id: string; pseudonym: string | null }[]): string[] {
  const text = body.normalize('NFC').toLocaleLowerCase();
  const found = new Set<string>();
  for (const member of members) {
    if (!member.pseudonym) continue;
    const name = `@${member.pseudonym.normalize('NFC').toLocaleLowerCase()}`;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const before = at === 0 ? ' ' : text[at - 1];
      const after = text[at + name.length] ?? ' ';
      if (/[\s([{"']/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) {
        found.add(member.id);
        break;
      }
    }
  }
  return [...found].sort();
}
