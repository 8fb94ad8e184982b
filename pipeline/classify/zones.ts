// Where a match stands decides how much it weighs: the title says what a text is about, the
// lead (sapo) summarises it, the body may wander. Social posts have no title or sapo, so their
// opening lines stand in for the lead.
import type { TextField } from '../../src/schema.ts';
import type { TokenizedDoc } from '../locate.ts';

export type Zone = 'title' | 'lead' | 'body';

/** Syllables of a body that count as its lead when the text has no title and no sapo. */
const SOCIAL_LEAD = 40;

export function zoneOf(doc: TokenizedDoc, field: TextField, index: number): Zone {
  if (field === 'title') return 'title';
  if (field === 'sapo') return 'lead';
  const headless = doc.title.tokens.length === 0 && doc.sapo.tokens.length === 0;
  return headless && index < SOCIAL_LEAD ? 'lead' : 'body';
}
