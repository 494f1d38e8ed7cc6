/**
 * `npm run words:crisis`: writes libs/safety/src/crisis/real-words.generated.ts, the real English and Spanish
 * words that the crisis reading's spelling correction must leave alone. The correction reads a word one letter
 * away from one of the grammar's longer words as that word ("sucide" → "suicide"), which is right for a
 * misspelling and wrong for a real word: without this list "sitting" was read as "slitting", "sharing" as
 * "harming", "suicidarse" (someone else) as "suicidarme". The lists come from two word-list packages (development
 * dependencies, ~275,000 English and ~636,000 Spanish words), folded as the reading folds them; only the words the
 * correction would change are kept, so the server holds a few thousand words rather than 900,000. Run it again
 * whenever the lexicon changes (`npm run train:crisis` does); a unit test fails while it is out of date.
 */
import { writeFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';

import { realWordsCorrected } from '../libs/safety/src/crisis/real-words.js';

const words = realWordsCorrected();
const file = new URL('../libs/safety/src/crisis/real-words.generated.ts', import.meta.url);
const source =
  `// Written by \`npm run words:crisis\` (scripts/real-words.ts) from an-array-of-english-words and\n` +
  `// an-array-of-spanish-words: the real words that the reading's spelling correction must not change.\n` +
  `// Do not edit: run it again.\n\n` +
  `export const REAL_WORDS: readonly string[] = '${words.join(' ')}'.split(' ');\n`;
// Written as the repository's formatter would write it, so that retraining leaves nothing to reformat.
writeFileSync(file, await format(source, { ...(await resolveConfig(file)), filepath: file.pathname }));
console.log(`${words.length} real words kept from correction; wrote ${file.pathname}`);
