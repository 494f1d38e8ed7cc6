import { Injectable } from '@nestjs/common';

import { blindToken, open, seal } from '@hearth/core';

import type { UserKeys } from '../keys/journal-keys.service.js';

export interface EntryText {
  title: string | null;
  body: string;
  tags: string[];
}

/** Words as the search index sees them: accents and case folded, split on anything not a letter or digit. */
export function indexWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= 2);
  return [...new Set(words)];
}

/** A tag as stored: trimmed, NFC, lower-case, single spaces. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const context = (id: string, version: number, field: string) => `journal_entries:${id}:${version}:${field}`;

/** Seals and opens an entry's private fields, and computes its blind-index tokens. */
@Injectable()
export class EntryCodec {
  seal(keys: UserKeys, id: string, version: number, text: EntryText) {
    return {
      titleCt: text.title ? seal(keys.entries, text.title, context(id, version, 'title')) : null,
      bodyCt: seal(keys.entries, text.body, context(id, version, 'body')),
      tagsCt: text.tags.length
        ? seal(keys.entries, JSON.stringify(text.tags), context(id, version, 'tags'))
        : null,
    };
  }

  open(
    keys: UserKeys,
    row: { id: string; version: number; titleCt: string | null; bodyCt: string; tagsCt: string | null },
  ): EntryText {
    return {
      title: row.titleCt
        ? open(keys.entries, row.titleCt, context(row.id, row.version, 'title')).toString('utf8')
        : null,
      body: open(keys.entries, row.bodyCt, context(row.id, row.version, 'body')).toString('utf8'),
      tags: row.tagsCt
        ? (JSON.parse(
            open(keys.entries, row.tagsCt, context(row.id, row.version, 'tags')).toString('utf8'),
          ) as string[])
        : [],
    };
  }

  tokens(keys: UserKeys, text: EntryText): string[] {
    const words = indexWords(`${text.title ?? ''} ${text.body}`).map((word) =>
      blindToken(keys.index, `w:${word}`),
    );
    const tags = text.tags.map((tag) => blindToken(keys.index, `t:${tag}`));
    return [...new Set([...words, ...tags])];
  }

  queryTokens(keys: UserKeys, q: string): string[] {
    return indexWords(q).map((word) => blindToken(keys.index, `w:${word}`));
  }

  tagToken(keys: UserKeys, tag: string): string {
    return blindToken(keys.index, `t:${normalizeTag(tag)}`);
  }
}
