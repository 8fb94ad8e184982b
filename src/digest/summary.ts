// The 1–3 sentence summary under each bulletin item. Extractive on purpose: leadership must be
// able to trust that every sentence was printed by the outlet, and editors rewrite if needed.
import { normalizeText } from '../../pipeline/normalize.ts';

export const SUMMARY_MAX_WORDS = 60;
export const SUMMARY_MAX_SENTENCES = 3;

// Abbreviations that end in a dot mid-sentence in Vietnamese news ("TP. Đà Lạt", "TS. Nguyễn
// Văn A", "PGS.TS"); a split after them would cut a name from its title.
const ABBREVIATIONS = new Set([
  'tp',
  'ts',
  'ths',
  'pgs',
  'gs',
  'bs',
  'ks',
  'th',
  'ng',
  'q',
  'p',
  'tt',
  'st',
  'v.v',
]);

/** The sapo when the outlet wrote one, else the first sentences of the body. */
export function summarize(sapo: string, body: string): string {
  const source = normalizeText(sapo).length > 0 ? sapo : body;
  const text = normalizeText(source).replace(/\s+/g, ' ').trim();
  if (text.length === 0) return '';
  const sentences = splitSentences(text);
  const picked: string[] = [];
  let words = 0;
  for (const s of sentences) {
    const n = countWords(s);
    if (picked.length >= SUMMARY_MAX_SENTENCES || words + n > SUMMARY_MAX_WORDS) break;
    picked.push(s);
    words += n;
  }
  if (picked.length > 0) return picked.join(' ');
  // A first sentence longer than the budget: cut on a word and say so, rather than print a
  // whole paragraph on a phone screen.
  const first = sentences[0] ?? text;
  return `${first
    .split(' ')
    .slice(0, SUMMARY_MAX_WORDS)
    .join(' ')
    .replace(/[,;:–-]+$/, '')}…`;
}

/** Sentences end with . ! ? or … followed by a space and a capital letter, digit or quote. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /([.!?…]+["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = m.index + (m[1]?.length ?? 0);
    const candidate = text.slice(from, end);
    if (endsWithAbbreviation(candidate)) continue;
    out.push(candidate.trim());
    from = boundary.lastIndex;
  }
  const rest = text.slice(from).trim();
  if (rest.length > 0) out.push(rest);
  return out;
}

function endsWithAbbreviation(candidate: string): boolean {
  const m = /(?:^|[\s(])([\p{L}.]+)\.$/u.exec(candidate);
  if (!m || m[1] === undefined) return false;
  const word = m[1];
  // A single capital ("Nguyễn V. A") is an initial, not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  // "PGS.TS." and similar stacked titles.
  return word
    .toLowerCase()
    .split('.')
    .filter((p) => p.length > 0)
    .every((p) => ABBREVIATIONS.has(p));
}

function countWords(s: string): number {
  return s.split(' ').filter((w) => w.length > 0).length;
}
