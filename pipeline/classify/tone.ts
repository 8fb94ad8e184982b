// Tone toward the province (taxonomy §3) from a news-language lexicon (tone-lexicon.ts):
// polar phrases weighted by where they stand, turned by negators within their clause
// ("không vi phạm", "chưa hoàn thành"), dropped after prevention words ("phòng chống ma
// túy"), raised by intensifiers. Harm outweighs praise: a crime solved quickly is still a
// crime story. An official answer to a rumour is never negative: its negative words are the
// rumour's.
import type { SourceCategory, Tone } from '../../src/schema.ts';
import { FIELDS, type TokenizedDoc } from '../locate.ts';
import { PhraseIndex, type PhraseMatch, type TokenizedText } from './phrase-index.ts';
import {
  DENIAL_CUES,
  INTENSIFIERS,
  NEGATIVE,
  NEGATORS,
  NEUTRAL_BLOCKERS,
  NON_NEGATORS,
  POSITIVE,
  PREVENTIVES,
} from './tone-lexicon.ts';
import { zoneOf, type Zone } from './zones.ts';

type Cue =
  | { kind: 'polar'; value: number }
  | { kind: 'block' }
  | { kind: 'negate'; scope: number }
  | { kind: 'prevent'; scope: number }
  | { kind: 'intensify'; factor: number };

export type CompiledTone = {
  readonly cues: PhraseIndex<Cue>;
  readonly denial: PhraseIndex<true>;
};

export type ToneResult = { tone: Tone; positive: number; negative: number; denial: boolean };

const ZONE_WEIGHT: Record<Zone, number> = { title: 2, lead: 1.5, body: 1 };
/** Negated praise reads as blame; negated harm reads as mild relief ("không có thương vong"). */
const NEGATED_POSITIVE = -0.8;
const NEGATED_NEGATIVE = -0.5;
/** A single harm word in the body (weight 2) or a usual one in the title makes a tone. */
const MIN_SCORE = 2;
/** Weak cues (0.5: "tăng", "hỗ trợ", "phát triển") add up but cannot make a tone alone. */
const STRONG_CUE = 1;
/** Syllables that end a negation scope inside a clause. */
const CLAUSE_BREAKERS = new Set(['nhưng', 'mà', 'tuy'].map((w) => w.normalize('NFC')));

export function compileTone(): CompiledTone {
  const cues = new PhraseIndex<Cue>();
  for (const [p, w] of NEGATIVE) cues.add(p, { kind: 'polar', value: -w });
  for (const [p, w] of POSITIVE) cues.add(p, { kind: 'polar', value: w });
  for (const p of NEUTRAL_BLOCKERS) cues.add(p, { kind: 'block' });
  for (const p of NON_NEGATORS) cues.add(p, { kind: 'block' });
  for (const [p, scope] of NEGATORS) cues.add(p, { kind: 'negate', scope });
  for (const [p, scope] of PREVENTIVES) cues.add(p, { kind: 'prevent', scope });
  for (const [p, factor] of INTENSIFIERS) cues.add(p, { kind: 'intensify', factor });
  const denial = new PhraseIndex<true>();
  for (const p of DENIAL_CUES) denial.add(p, true);
  return { cues, denial };
}

/** Longest match wins where cues overlap ("mất an toàn" over "an toàn", "không rõ…" over "không"). */
function resolveOverlaps(matches: PhraseMatch<Cue>[]): PhraseMatch<Cue>[] {
  const byLength = [...matches].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken: boolean[] = [];
  const kept: PhraseMatch<Cue>[] = [];
  for (const m of byLength) {
    let free = true;
    for (let i = m.start; i < m.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = m.start; i < m.end; i++) taken[i] = true;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Clause number of each token: sentence punctuation and "nhưng"-like words start a new one. */
function clauses(text: TokenizedText): number[] {
  let c = 0;
  return text.tokens.map((t, i) => {
    if (i > 0 && (t.breakBefore || CLAUSE_BREAKERS.has(t.lower))) c++;
    return c;
  });
}

type Scope = { until: number; clause: number };

function scoreField(
  doc: TokenizedDoc,
  field: (typeof FIELDS)[number],
  tone: CompiledTone,
): { pos: number; neg: number; strongPos: boolean; strongNeg: boolean } {
  const text = doc[field];
  const clauseOf = clauses(text);
  let pos = 0;
  let neg = 0;
  let strongPos = false;
  let strongNeg = false;
  let negation: Scope | undefined;
  let prevention: Scope | undefined;
  let intensity: { until: number; factor: number } | undefined;
  const within = (s: Scope | undefined, at: number): boolean =>
    s !== undefined && at <= s.until && clauseOf[at] === s.clause;
  for (const m of resolveOverlaps(tone.cues.match(text))) {
    const cue = m.value;
    const clause = clauseOf[m.start] ?? 0;
    switch (cue.kind) {
      case 'block':
        break;
      case 'negate':
        negation = { until: m.end - 1 + cue.scope, clause };
        break;
      case 'prevent':
        prevention = { until: m.end - 1 + cue.scope, clause };
        break;
      case 'intensify':
        intensity = { until: m.end + 1, factor: cue.factor };
        break;
      case 'polar': {
        let v = cue.value;
        if (intensity && m.start <= intensity.until) v *= intensity.factor;
        intensity = undefined;
        if (within(negation, m.start)) v *= v > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
        else if (v < 0 && within(prevention, m.start)) v = 0;
        const w = ZONE_WEIGHT[zoneOf(doc, field, m.start)];
        if (v > 0) pos += v * w;
        else neg -= v * w;
        if (v >= STRONG_CUE) strongPos = true;
        if (v <= -STRONG_CUE) strongNeg = true;
        break;
      }
    }
  }
  return { pos, neg, strongPos, strongNeg };
}

export function scoreTone(
  doc: TokenizedDoc,
  tone: CompiledTone,
  opts: { misinformation: boolean; sourceCategory: SourceCategory | null | undefined },
): ToneResult {
  let positive = 0;
  let negative = 0;
  let strongPos = false;
  let strongNeg = false;
  for (const f of FIELDS) {
    const s = scoreField(doc, f, tone);
    positive += s.pos;
    negative += s.neg;
    strongPos ||= s.strongPos;
    strongNeg ||= s.strongNeg;
  }
  // A foreign outlet quoting a denial is still telling the rumour; only others answer it.
  const denial =
    opts.misinformation &&
    opts.sourceCategory !== 'foreign-vietnamese' &&
    FIELDS.some((f) => tone.denial.match(doc[f]).length > 0);
  const round = (x: number): number => Math.round(x * 100) / 100;
  let result: Tone;
  if (denial) result = strongPos && positive >= MIN_SCORE + 1 ? 'positive' : 'neutral';
  else if (strongNeg && negative >= MIN_SCORE && negative >= positive) result = 'negative';
  else if (strongPos && positive >= MIN_SCORE && positive > negative) result = 'positive';
  else result = 'neutral';
  return { tone: result, positive: round(positive), negative: round(negative), denial };
}
