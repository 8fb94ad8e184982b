// Tone toward the province (taxonomy §3) from a news-language lexicon (tone-lexicon.ts):
// polar phrases weighted by where they stand, turned by negators within their clause
// ("không vi phạm", "chưa phát hiện sai phạm"), dropped after prevention words ("phòng chống
// ma túy"), raised by intensifiers before them ("rất") or after them ("thiệt hại nặng nề").
// Harm outweighs praise: a crime solved quickly is still a crime story. Help after harm is
// the exception the taxonomy names ("help given"): a relief phrase takes the harm it names out
// of the count, and in a title it frames the story, so the damage in the body weighs half.
// An official answer to a rumour is never negative: its negative words are the rumour's.
// A title that frames a plan or an announcement ("đặt mục tiêu", "khởi công", "hội nghị") and
// claims no achievement itself makes the gains in the text aims: they weigh AIMED_GAIN.
import type { SourceCategory, Tone } from '../../src/schema.ts';
import { fold } from '../normalize.ts';
import { FIELDS, type TokenizedDoc } from '../locate.ts';
import { PhraseIndex, type PhraseMatch, type TokenizedText } from './phrase-index.ts';
import {
  DENIAL_CUES,
  INTENSIFIERS,
  NEGATIVE,
  NEGATORS,
  NEUTRAL_BLOCKERS,
  NEUTRAL_FRAMES,
  NON_NEGATORS,
  POSITIVE,
  POST_INTENSIFIERS,
  PREVENTIVES,
  RELIEF,
} from './tone-lexicon.ts';
import { zoneOf, type Zone } from './zones.ts';

type Cue =
  | { kind: 'polar'; value: number }
  | { kind: 'block' }
  | { kind: 'frame' }
  | { kind: 'negate'; scope: number }
  | { kind: 'prevent'; scope: number }
  | { kind: 'intensify'; factor: number }
  | { kind: 'post'; factor: number; ownValue: number }
  | { kind: 'relief'; value: number; scope: number };

export type CompiledTone = {
  readonly cues: PhraseIndex<Cue>;
  readonly denial: PhraseIndex<true>;
};

export type ToneResult = {
  tone: Tone;
  positive: number;
  negative: number;
  denial: boolean;
  /** What each field gave (title, sapo, body), for an editor's "why" and the tone model. */
  fields: readonly FieldScore[];
  /** The title framed the text as a plan (gains weighed AIMED_GAIN). */
  aimed: boolean;
  /** Harms weighed less: help after harm (FRAMED_HARM) or a plan against it (AIMED_HARM). */
  framedHarm: boolean;
};

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
/**
 * Words that join the items of a list: a negated or prevented item that ends its clause
 * carries its scope over a comma to the next item of the same sign ("không để xảy ra sạt lở,
 * ngập úng"; "phòng chống lụt bão, sạt lở và cháy rừng").
 */
const LIST_JOINERS = new Set(['và', 'hoặc', 'hay', 'cùng'].map((w) => w.normalize('NFC')));
/** Syllables between a polar phrase and the post-intensifier that raises it. */
const POST_REACH = 2;
/** Harm in the lead and body of a story whose title is about help after it. */
const FRAMED_HARM = 0.5;
/** Gains in a text whose title is a plan or an announcement, with no achievement of its own. */
const AIMED_GAIN = 0.4;
/** Harms in a text whose title is a plan or a campaign against them. */
const AIMED_HARM = 0.4;

/**
 * A one-syllable cue written with marks never matches a text typed without them ("dep" may be
 * đẹp, dép or dẹp), so social posts lose their plainest praise and complaint. Next to a degree
 * word the syllable is no longer ambiguous ("dep lam", "rat dep", "buon qua"): each such cue
 * is also indexed as a two-syllable phrase with its degree words, which a plain text matches
 * on its folded syllables. In a text with marks the phrase weighs what the cue and the degree
 * word weighed apart (cue × factor), so nothing changes there. Weak cues (below STRONG_CUE:
 * "tăng", "đạt", "cấm") stay out: their degree phrases ("tang qua") are still ambiguous.
 */
const PRE_DEGREE: readonly (readonly [string, number])[] = [
  ...INTENSIFIERS.filter(([p, f]) => f >= 1.5 && !p.includes(' ')),
  ['quá', 1.3],
];
const POST_DEGREE: readonly (readonly [string, number])[] = [
  ...POST_INTENSIFIERS.filter(([, , own]) => own === 0).map(([p, f]) => [p, f] as const),
  ['nhất', 1],
];

function degreePhrases(lexicon: readonly (readonly [string, number])[]): [string, number][] {
  const out: [string, number][] = [];
  for (const [cue, w] of lexicon) {
    if (cue.includes(' ') || w < STRONG_CUE || fold(cue) === cue) continue;
    for (const [d, f] of PRE_DEGREE) out.push([`${d} ${cue}`, w * f]);
    for (const [d, f] of POST_DEGREE) out.push([`${cue} ${d}`, w * f]);
  }
  return out;
}

export function compileTone(): CompiledTone {
  const cues = new PhraseIndex<Cue>();
  for (const [p, w] of NEGATIVE) cues.add(p, { kind: 'polar', value: -w });
  for (const [p, w] of POSITIVE) cues.add(p, { kind: 'polar', value: w });
  // Lexicon phrases come first: an explicit entry ("buồn quá") keeps its own weight.
  const known = new Set([...NEGATIVE, ...POSITIVE].map(([p]) => p));
  for (const [p, w] of degreePhrases(NEGATIVE)) {
    if (!known.has(p)) cues.add(p, { kind: 'polar', value: -w });
  }
  for (const [p, w] of degreePhrases(POSITIVE)) {
    if (!known.has(p)) cues.add(p, { kind: 'polar', value: w });
  }
  for (const p of NEUTRAL_BLOCKERS) cues.add(p, { kind: 'block' });
  for (const p of NON_NEGATORS) cues.add(p, { kind: 'block' });
  for (const p of NEUTRAL_FRAMES) cues.add(p, { kind: 'frame' });
  for (const [p, scope] of NEGATORS) cues.add(p, { kind: 'negate', scope });
  for (const [p, scope] of PREVENTIVES) cues.add(p, { kind: 'prevent', scope });
  for (const [p, factor] of INTENSIFIERS) cues.add(p, { kind: 'intensify', factor });
  for (const [p, factor, ownValue] of POST_INTENSIFIERS) {
    cues.add(p, { kind: 'post', factor, ownValue });
  }
  for (const [p, value, scope] of RELIEF) cues.add(p, { kind: 'relief', value, scope });
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

/**
 * A negation or prevention that reaches the end of its clause goes on over a comma to the
 * items of a list: each must stand bare (end its clause or come before a joining word) and
 * not open a new sentence (a capital in mixed-case text), so "không có người bị thương,
 * thiệt hại về tài sản rất lớn" still counts the loss.
 */
type ListScope = { kind: 'negate' | 'prevent'; next: number; sign: number };

export type FieldScore = {
  pos: number;
  neg: number;
  strongPos: boolean;
  strongNeg: boolean;
  /** A relief phrase that was not negated ("khắc phục hậu quả", not "chưa khắc phục"). */
  relief: boolean;
  /** A neutral frame ("kế hoạch", "hội nghị") stands in the field. */
  frame: boolean;
  /** A prevention ("phòng, chống", "ngăn chặn") stands in the field. */
  prevention: boolean;
};

function scoreField(
  doc: TokenizedDoc,
  field: (typeof FIELDS)[number],
  tone: CompiledTone,
  harmWeight: number,
): FieldScore {
  const text = doc[field];
  const clauseOf = clauses(text);
  const out: FieldScore = {
    pos: 0,
    neg: 0,
    strongPos: false,
    strongNeg: false,
    relief: false,
    frame: false,
    prevention: false,
  };
  let negation: Scope | undefined;
  let prevention: Scope | undefined;
  let list: ListScope | undefined;
  let intensity: { until: number; factor: number } | undefined;
  /** The last polar contribution, which a post-intensifier may raise. */
  let last: { end: number; clause: number; signed: number } | undefined;
  const within = (s: Scope | undefined, at: number): boolean =>
    s !== undefined && at <= s.until && clauseOf[at] === s.clause;
  const joiner = (at: number): boolean => {
    const t = text.tokens[at];
    return t !== undefined && !t.breakBefore && LIST_JOINERS.has(t.lower);
  };
  /** Index after which the next list item may stand, if the list goes on after `end`. */
  const listAfter = (end: number): number | undefined => {
    if (end >= clauseOf.length) return undefined;
    if (clauseOf[end] !== clauseOf[end - 1]) return end;
    return joiner(end) ? end + 1 : undefined;
  };
  const listItem = (m: PhraseMatch<Cue>, value: number): ListScope['kind'] | undefined => {
    if (!list || (list.sign !== 0 && Math.sign(value) !== list.sign)) return undefined;
    const at = m.start === list.next ? m.start : joiner(list.next) ? list.next + 1 : -1;
    if (at !== m.start) return undefined;
    const first = text.tokens[list.next];
    if (first?.breakBefore && first.capitalized && text.mixedCase) return undefined;
    const bare = m.end >= clauseOf.length || listAfter(m.end) !== undefined;
    return bare ? list.kind : undefined;
  };
  const count = (m: PhraseMatch<Cue>, value: number): number => {
    let v = value;
    if (intensity && m.start <= intensity.until) v *= intensity.factor;
    intensity = undefined;
    const chained = listItem(m, value);
    list = undefined;
    let turned: ListScope['kind'] | undefined;
    if (within(negation, m.start) || chained === 'negate') {
      v *= v > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
      turned = 'negate';
    } else if (v < 0 && (within(prevention, m.start) || chained === 'prevent')) {
      v = 0;
      turned = 'prevent';
    }
    const next = turned ? listAfter(m.end) : undefined;
    if (turned && next !== undefined) list = { kind: turned, next, sign: Math.sign(value) };
    const w = ZONE_WEIGHT[zoneOf(doc, field, m.start)] * (v < 0 ? harmWeight : 1);
    if (v > 0) out.pos += v * w;
    else out.neg -= v * w;
    if (v >= STRONG_CUE) out.strongPos = true;
    if (v <= -STRONG_CUE) out.strongNeg = true;
    last = { end: m.end, clause: clauseOf[m.start] ?? 0, signed: v * w };
    return v;
  };
  /** A scope that covers the rest of its clause opens a list on the next one. */
  const scopeList = (kind: ListScope['kind'], s: Scope): ListScope | undefined => {
    const end = clauseOf.indexOf(s.clause + 1);
    return end > 0 && s.until >= end - 1 ? { kind, next: end, sign: 0 } : undefined;
  };
  for (const m of resolveOverlaps(tone.cues.match(text))) {
    const cue = m.value;
    const clause = clauseOf[m.start] ?? 0;
    switch (cue.kind) {
      case 'block':
        break;
      case 'frame':
        out.frame = true;
        break;
      case 'negate':
        negation = { until: m.end - 1 + cue.scope, clause };
        list = scopeList('negate', negation);
        break;
      case 'prevent':
        out.prevention = true;
        prevention = { until: m.end - 1 + cue.scope, clause };
        list = scopeList('prevent', prevention);
        break;
      case 'intensify':
        intensity = { until: m.end + 1, factor: cue.factor };
        break;
      case 'post': {
        const prev = last;
        if (prev && prev.clause === clause && m.start - prev.end <= POST_REACH) {
          // Raise what was just counted; the degree word adds no valence of its own.
          const extra = prev.signed * (cue.factor - 1);
          if (extra > 0) out.pos += extra;
          else out.neg -= extra;
          last = undefined;
        } else if (cue.ownValue !== 0) {
          count(m, cue.ownValue);
        }
        break;
      }
      case 'relief': {
        const v = count(m, cue.value);
        if (v > 0) {
          out.relief = true;
          prevention = { until: m.end - 1 + cue.scope, clause };
        }
        break;
      }
      case 'polar':
        count(m, cue.value);
        break;
    }
  }
  return out;
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
  let harmWeight = 1;
  let gainWeight = 1;
  const fields: FieldScore[] = [];
  for (const f of FIELDS) {
    const s = scoreField(doc, f, tone, harmWeight);
    fields.push(s);
    if (f === 'title' && s.frame && !s.strongPos) gainWeight = AIMED_GAIN;
    // A plan or a campaign against a harm, with no harm or gain claimed in its title: the
    // harms the text goes on to describe are what it means to prevent ("kế hoạch phòng,
    // chống hạn hán", "ra quân chống khai thác IUU"), as its gains are aims.
    if (f === 'title' && (s.frame || s.prevention) && !s.strongPos && !s.strongNeg) {
      harmWeight = Math.min(harmWeight, AIMED_HARM);
    }
    positive += s.pos * gainWeight;
    negative += s.neg;
    strongPos ||= s.strongPos;
    strongNeg ||= s.strongNeg;
    // A title about help after harm, with no harm of its own left, frames what follows.
    if (f === 'title' && s.relief && s.neg === 0) harmWeight = FRAMED_HARM;
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
  return {
    tone: result,
    positive: round(positive),
    negative: round(negative),
    denial,
    fields,
    aimed: gainWeight !== 1,
    framedHarm: harmWeight !== 1,
  };
}
