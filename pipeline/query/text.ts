// The canonical written form of a term or phrase: the syllables tokenize() (phrase-index.ts)
// would cut from it, each as written (NFC, canonical tone placement, case kept). Storing this
// form in the AST makes equal queries equal values and lets the matcher re-tokenize it to
// exactly the tokens phrase-index would build.
import { normalizeText, syllables } from '../normalize.ts';

const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`](?=\p{L})/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function syllablesAsWritten(raw: string): string[] {
  const t = normalizeText(raw).replace(INNER_APOSTROPHE, '');
  const out: string[] = [];
  for (const m of t.matchAll(WORD)) {
    const parts = syllables(m[0]);
    // Same rare split as phrase-index makeToken: a character that folding turns into a
    // separator leaves folded pieces.
    if (parts.length === 1) out.push(m[0]);
    else out.push(...parts);
  }
  return out;
}
