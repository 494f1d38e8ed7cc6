import { describe, expect, it } from '@jest/globals';

import { mentionedIn } from './mentions.js';

const members = [
  { id: 'm1', pseudonym: 'Fern' },
  { id: 'm2', pseudonym: 'River Stone' },
  { id: 'm3', pseudonym: 'Ana' },
  { id: 'm4', pseudonym: null },
];

describe('Mentions in a message', () => {
  it('finds members named as @pseudonym, whole and case-insensitively, pseudonyms with spaces included', () => {
    expect(mentionedIn('thank you @fern and @River Stone', members)).toEqual(['m1', 'm2']);
    expect(mentionedIn('@Ana, me too', members)).toEqual(['m3']);
    expect(mentionedIn('(@ana) yes', members)).toEqual(['m3']);
  });

  it('ignores names that only start a longer word, e-mail addresses, and text without @', () => {
    expect(mentionedIn('@Anabel said hi', members)).toEqual([]);
    expect(mentionedIn('write to fern@ana.org', members)).toEqual([]);
    expect(mentionedIn('Fern and Ana', members)).toEqual([]);
  });

  it('names each member once', () => {
    expect(mentionedIn('@Fern @fern @FERN', members)).toEqual(['m1']);
  });
});
