import { MESSAGE_MAX_LENGTH } from '@hearth/contracts';

import { ChatError } from '../chat-error.js';
import { normalizeBody } from './messages.service.js';

describe('normalizeBody', () => {
  const refused = (body: string) => {
    expect(() => normalizeBody(body)).toThrow(ChatError);
  };

  it('counts characters, not UTF-16 units: a message of emoji may be as long as one of letters', () => {
    expect(normalizeBody('a'.repeat(MESSAGE_MAX_LENGTH))).toHaveLength(MESSAGE_MAX_LENGTH);
    refused('a'.repeat(MESSAGE_MAX_LENGTH + 1));
    const emoji = '🌱'.repeat(MESSAGE_MAX_LENGTH);
    expect(normalizeBody(emoji)).toBe(emoji);
    refused('🌱'.repeat(MESSAGE_MAX_LENGTH + 1));
    // Half of each: more units than the limit, fewer characters.
    expect(normalizeBody(`${'a'.repeat(2000)}${'🌱'.repeat(2000)}`)).toHaveLength(6000);
  });

  it('composes before counting and trims, and refuses a message of nothing but spaces', () => {
    const decomposed = 'e\u0301'.repeat(MESSAGE_MAX_LENGTH);
    expect(normalizeBody(`  ${decomposed}\n`)).toBe('é'.repeat(MESSAGE_MAX_LENGTH));
    refused(' \n\t ');
    refused('');
  });
});
