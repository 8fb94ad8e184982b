// Near-duplicate grouping of segmented texts, without comparing every pair.
//
// 1. Boilerplate (outlet footers, photo credits, "related articles" lists, hashtag blocks):
//    without this, footers chain unrelated short items into one giant story. A sentence is
//    dropped from a text when
//    - it recurs in `outletRepeats` texts of the same outlet: templates repeat within an
//      outlet, syndication repeats across outlets; or
//    - it is far more common in the batch than that text's own sentences. Measuring against
//      the text's median sentence frequency rather than a fixed share of the batch keeps a
//      story that forty outlets copied intact, while a footer shared by forty unrelated
//      articles (from outlets we cannot tell apart) goes, as long as it is not most of them.
// 2. Shingle sets of what is left (shingles.ts).
// 3. Candidate pairs from an inverted index over each text's sampled shingles
//    (hash & sampleMask === 0: sampling by hash value keeps containment, since a copied passage
//    is sampled identically in both texts) plus its whole-sentence hashes (so a short item that
//    quotes one sentence is found whatever the sampling). For each text an accumulator counts
//    what it shares with every later text; only pairs sharing `prefilter` of the smaller index
//    are compared exactly, so articles that merely share a stock phrase cost nothing.
// 4. Exact comparison on the full shingle sets:
//    - strong: Jaccard >= strongJaccard (most of both texts is shared);
//    - contained: the smaller text (at least minContained shingles, so a headline-only item is
//      never swallowed) lies mostly inside the larger (cut paragraphs, a short repost);
//    - partial: a good part of the smaller text, at least a long sentence, is verbatim in the
//      larger, and the rest is the copier's own (a rewritten lead, a new sapo, a fan page's
//      reaction line). Shared words alone cannot tell this from a different event written on
//      the same template, so a partial pair must also be close in time and the smaller text
//      may bring at most `partialNovel` figures the larger lacks (details.ts).
//    Strong and contained pairs are checked for figures too, loosely: a short notice written on
//    a template (a fine, a seizure) can be 70% the same words as another one, and so can two
//    days of an outlet's price or weather report.
// 5. Strong pairs are joined. A containment pair is joined unless one side is a *bridge*: a text
//    whose containment partners do not overlap one another — a compilation (roundup, digest)
//    wholly containing two unrelated articles, or a stock paragraph quoted inside two different
//    articles. Joining through a bridge would merge two different events. One exception: an
//    original that its partial copies each took a different part of (a fan page kept the lead,
//    a newspaper rewrote the lead and kept the rest) looks like a compilation too, but it came
//    first, while a compilation is published after what it compiles. So a text that contains
//    all its partners and is dated no later than any of them is a source, not a bridge.
import { novelCount } from './details.ts';
import type { SegmentedText } from './shingles.ts';
import { shingleSet } from './shingles.ts';
import { UnionFind } from './union-find.ts';

export interface NearDuplicateParams {
  /** Shingle length in syllables. */
  k: number;
  /** A shingle is in the candidate index when (hash & sampleMask) === 0: 1 in sampleMask+1. */
  sampleMask: number;
  /** Above this many texts sharing one index entry, pair each with a few pseudo-random others. */
  bigRun: number;
  /** Boilerplate sentence: in this many texts of one outlet (a template, not a copy). */
  outletRepeats: number;
  /** Boilerplate sentence: batch frequency above max(dfFloor, dfRatio × the text's median). */
  dfFloor: number;
  dfRatio: number;
  strongJaccard: number;
  minContainment: number;
  minContained: number;
  /** Two containment partners of one text "overlap" when they share this much (containment). */
  minOverlap: number;
  /** Compare a pair exactly only if it shares this share of the smaller's index entries. */
  prefilter: number;
  /** Partial copy: containment of the smaller text at least this… */
  minPartial: number;
  /** …sharing at least this many shingles (a long sentence)… */
  minPartialShared: number;
  /** …with at most this many shingles of its own (a title, a new lead, a reaction line)… */
  maxPartialOwn: number;
  /** …published at most this far apart when both dates are known… */
  partialWindowMs: number;
  /** …and bringing at most this many figures the larger text lacks. */
  partialNovel: number;
  /** Strong or contained pair rejected: the smaller brings this many figures the other lacks… */
  conflictNovel: number;
  /** …and they are at least this share of its figures. */
  conflictShare: number;
}

/** What is known about each text besides its words; any part may be missing. */
export interface TextEvidence {
  /** Sorted distinct figure hashes of text i (details.ts), asked only for compared pairs. */
  figures?: (i: number) => Uint32Array;
  /** Publication time of text i in ms; NaN when unknown. */
  times?: Float64Array;
}

export const DEFAULT_PARAMS: NearDuplicateParams = {
  // Five syllables is about three Vietnamese words: independent write-ups of one event share
  // little beyond names at that length (VietnameseMDS), and one edited word costs 5 shingles.
  k: 5,
  sampleMask: 3,
  bigRun: 64,
  // Two is an outlet re-posting its own story; three times the same sentence is its template.
  outletRepeats: 3,
  dfFloor: 5,
  dfRatio: 4,
  strongJaccard: 0.6,
  // "Lightly edited": at least 70% of the shorter text is verbatim in the longer one.
  minContainment: 0.7,
  // About one full news sentence: enough to tell a quoted lead from a shared headline phrase.
  minContained: 25,
  minOverlap: 0.2,
  // Half of minOverlap: sampling noise on a 600-word article is well below that margin.
  prefilter: 0.1,
  // A fan-page repost keeps the lead and a paragraph and adds a line; a copy with a new lead and
  // sapo keeps half. Independent write-ups of one event (VietnameseMDS) reach 0.3–0.5 only
  // on long articles, which then bring dozens of figures of their own.
  minPartial: 0.35,
  // About a 25-syllable sentence: more than a stock phrase or a shared name list.
  minPartialShared: 20,
  // A title and two sentences. Same-event articles in VietnameseMDS that share a third to a
  // half of their text have hundreds of shingles of their own: a write-up that borrowed
  // passages, not a repost.
  maxPartialOwn: 60,
  // Copies follow within hours, fan pages within a day or two; the next landslide on the same
  // road or the next fine under the same decree comes days later.
  partialWindowMs: 3 * 24 * 3600 * 1000,
  // One: an added credit or reaction line can carry a figure ("Đến 17 giờ…").
  partialNovel: 1,
  conflictNovel: 2,
  conflictShare: 0.5,
};

const DOC_BITS = 2 ** 21; // 32-bit hash × 2^21 texts < 2^53: exact in a double.

function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Counts per key pair (a, b) of 32-bit ints, open addressing over typed arrays: Maps over a
 * million sentence hashes (and outlet × hash pairs, as doubles) cost more than all the rest
 * of the boilerplate step at 50,000 articles.
 */
class PairCounts {
  private readonly keyA: Uint32Array;
  private readonly keyB: Uint32Array;
  private readonly counts: Int32Array; // 0 = empty slot
  private readonly mask: number;

  constructor(expected: number) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.keyA = new Uint32Array(slots);
    this.keyB = new Uint32Array(slots);
    this.counts = new Int32Array(slots);
    this.mask = slots - 1;
  }

  private slot(a: number, b: number): number {
    // b is a sentence hash out of fmix32: its low bits are already well mixed.
    let i = (b ^ Math.imul(a, 0x9e3779b1)) & this.mask;
    while (this.counts[i] !== 0 && (this.keyB[i] !== b || this.keyA[i] !== a)) {
      i = (i + 1) & this.mask;
    }
    return i;
  }

  increment(a: number, b: number): void {
    const i = this.slot(a, b);
    this.keyA[i] = a;
    this.keyB[i] = b;
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }

  get(a: number, b: number): number {
    return this.counts[this.slot(a, b)] ?? 0;
  }
}

/** For each text, 1 for each sentence that is not boilerplate, 0 for each that is. */
function contentSegments(
  texts: readonly SegmentedText[],
  outlets: readonly string[],
  p: NearDuplicateParams,
): Uint8Array[] {
  let total = 0;
  for (const t of texts) total += t.hashes.length;
  const df = new PairCounts(total);
  // Each text's distinct sentence hashes, ascending, as a view of its own sorted copy.
  const distinct = texts.map((t) => {
    const sorted = t.hashes.slice().sort();
    let m = 0;
    for (let i = 0; i < sorted.length; i++) {
      const h = sorted[i] ?? 0;
      if (m === 0 || h !== sorted[m - 1]) sorted[m++] = h;
    }
    const hs = sorted.subarray(0, m);
    for (const h of hs) df.increment(0, h);
    return hs;
  });
  const outletIndex = new Map<string, number>();
  const outletNumbers = new Uint32Array(texts.length);
  for (let d = 0; d < texts.length; d++) {
    const name = outlets[d] ?? `#${d}`;
    const o = outletIndex.get(name) ?? outletIndex.size;
    outletIndex.set(name, o);
    outletNumbers[d] = o;
  }
  // Per-outlet counts only for sentences frequent enough to matter.
  let frequent = 0;
  for (const hs of distinct) for (const h of hs) if (df.get(0, h) >= p.outletRepeats) frequent++;
  const dfInOutlet = new PairCounts(frequent);
  distinct.forEach((hs, d) => {
    const o = outletNumbers[d] ?? 0;
    for (const h of hs) if (df.get(0, h) >= p.outletRepeats) dfInOutlet.increment(o, h);
  });
  return texts.map((t, d) => {
    const o = outletNumbers[d] ?? 0;
    const count = t.hashes.length;
    const freq = new Uint32Array(count);
    // Every hash was counted, so df >= 1; `|| 1` only keeps the old Map's reading of a miss.
    for (let s = 0; s < count; s++) freq[s] = df.get(0, t.hashes[s] ?? 0) || 1;
    const median = freq.slice().sort()[count >> 1] ?? 0;
    const limit = Math.max(p.dfFloor, p.dfRatio * median);
    const keep = new Uint8Array(count);
    for (let s = 0; s < count; s++) {
      const f = freq[s] ?? 0;
      if (f > limit) keep[s] = 0;
      else if (f < p.outletRepeats) keep[s] = 1;
      else keep[s] = dfInOutlet.get(o, t.hashes[s] ?? 0) < p.outletRepeats ? 1 : 0;
    }
    return keep;
  });
}

/**
 * Groups segmented texts that are copies of one another; `outlets[i]` names the outlet of
 * text i (for the boilerplate rule). Returns, for each text, the index of
 * a representative of its group (equal numbers = same group). The partition does not depend
 * on the order of `texts` except through the pseudo-random pairing in runs above `bigRun`.
 */
export function nearDuplicateGroups(
  texts: readonly SegmentedText[],
  outlets: readonly string[],
  p: NearDuplicateParams = DEFAULT_PARAMS,
  evidence: TextEvidence = {},
): Int32Array {
  const n = texts.length;
  if (n >= DOC_BITS) throw new Error(`cluster: at most ${DOC_BITS - 1} items per batch, got ${n}`);
  const keeps = contentSegments(texts, outlets, p);
  const sets = texts.map((t, d) => shingleSet(t, p.k, keeps[d]));

  // Index entries, packed as hash × 2^21 + text and sorted so equal hashes are adjacent.
  // Counted first: allocating for every shingle (a quarter are sampled) tripled the peak.
  const indexSize = new Uint32Array(n);
  let capacity = 0;
  for (let d = 0; d < n; d++) {
    let size = 0;
    for (const h of sets[d] ?? []) if ((h & p.sampleMask) === 0) size++;
    for (const k of keeps[d] ?? []) if (k === 1) size++;
    indexSize[d] = size;
    capacity += size;
  }
  const entries = new Float64Array(capacity);
  let used = 0;
  for (let d = 0; d < n; d++) {
    for (const h of sets[d] ?? []) if ((h & p.sampleMask) === 0) entries[used++] = h * DOC_BITS + d;
    const t = texts[d];
    const keep = keeps[d];
    if (t && keep) {
      for (let s = 0; s < t.hashes.length; s++) {
        if (keep[s] === 1) entries[used++] = (t.hashes[s] ?? 0) * DOC_BITS + d;
      }
    }
  }
  const packed = entries.subarray(0, used).sort();

  const figureCache = new Map<number, Uint32Array>();
  const figuresOf = (d: number): Uint32Array | undefined => {
    if (!evidence.figures) return undefined;
    let f = figureCache.get(d);
    if (!f) {
      f = evidence.figures(d);
      figureCache.set(d, f);
    }
    return f;
  };
  /** Figures of the smaller text `s` that the larger `l` lacks, and how many it has. */
  const novelty = (s: number, l: number): { novel: number; total: number } => {
    const fs = figuresOf(s);
    const fl = figuresOf(l);
    if (!fs || !fl) return { novel: 0, total: 0 };
    return { novel: novelCount(fs, fl), total: fs.length };
  };
  const withinWindow = (a: number, b: number): boolean => {
    const ta = evidence.times?.[a] ?? NaN;
    const tb = evidence.times?.[b] ?? NaN;
    return Number.isNaN(ta) || Number.isNaN(tb) || Math.abs(ta - tb) <= p.partialWindowMs;
  };

  const seen = new Set<number>();
  const strong: number[] = [];
  const contained: number[] = [];
  const overlapping: number[] = [];
  const compare = (a: number, b: number): void => {
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) return;
    seen.add(key);
    const sa = sets[a];
    const sb = sets[b];
    if (!sa || !sb) return;
    const smaller = Math.min(sa.length, sb.length);
    if (smaller === 0) return;
    const inter = intersectionSize(sa, sb);
    const containment = inter / smaller;
    if (containment >= p.minOverlap) overlapping.push(a, b);
    if (smaller < p.minContained && inter / (sa.length + sb.length - inter) < p.strongJaccard) {
      return;
    }
    if (containment < p.minPartial) return;
    // Figures are judged on the smaller text: the larger one's extra figures are what a copy cut.
    const [s, l] = sa.length < sb.length || (sa.length === sb.length && a < b) ? [a, b] : [b, a];
    const conflicting = (): boolean => {
      const { novel, total } = novelty(s, l);
      return novel >= p.conflictNovel && novel >= p.conflictShare * total;
    };
    if (inter / (sa.length + sb.length - inter) >= p.strongJaccard) {
      if (!conflicting()) strong.push(a, b);
    } else if (containment >= p.minContainment) {
      if (!conflicting()) contained.push(a, b);
    } else if (
      inter >= p.minPartialShared &&
      smaller - inter <= p.maxPartialOwn &&
      withinWindow(a, b) &&
      novelty(s, l).novel <= p.partialNovel
    ) {
      contained.push(a, b);
    }
  };

  // Postings: runs of 2..bigRun texts sharing an entry, as flat member lists, and for each
  // text the runs it is in (compressed rows in typed arrays: at 50,000 articles, 50,000 small
  // JS arrays of numbers were the largest allocation after the input).
  const eachRun = (visit: (start: number, end: number, hash: number) => void): void => {
    for (let start = 0; start < packed.length;) {
      const hash = Math.floor((packed[start] ?? 0) / DOC_BITS);
      const hi = (hash + 1) * DOC_BITS;
      let end = start + 1;
      while (end < packed.length && (packed[end] ?? hi) < hi) end++;
      visit(start, end, hash);
      start = end;
    }
  };
  const runCount = new Int32Array(n + 1);
  let runs = 0;
  let members = 0;
  eachRun((start, end) => {
    const len = end - start;
    if (len <= 1 || len > p.bigRun) return;
    runs++;
    members += len;
    for (let i = start; i < end; i++) {
      const d = (packed[i] ?? 0) % DOC_BITS;
      runCount[d] = (runCount[d] ?? 0) + 1;
    }
  });
  const runMembers = new Int32Array(members);
  const runStart = new Int32Array(runs + 1);
  // Runs of text d: runsList[runsFrom[d], runsFrom[d + 1]), in run order.
  const runsFrom = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) runsFrom[d + 1] = (runsFrom[d] ?? 0) + (runCount[d] ?? 0);
  const runsList = new Int32Array(members);
  const fill = runsFrom.slice(0, n);
  let run = 0;
  let member = 0;
  eachRun((start, end, hash) => {
    const len = end - start;
    if (len > p.bigRun) {
      // So many texts sharing one entry is one big story (boilerplate is gone): a few partners
      // per text, varying with the entry, connect it without len² comparisons.
      for (let x = 0; x < len; x++) {
        for (const shift of [0, 11, 22]) {
          const y = (x + 1 + ((hash >>> shift) % (len - 1))) % len;
          compare((packed[start + x] ?? 0) % DOC_BITS, (packed[start + y] ?? 0) % DOC_BITS);
        }
      }
    } else if (len > 1) {
      runStart[run] = member;
      for (let i = start; i < end; i++) {
        const d = (packed[i] ?? 0) % DOC_BITS;
        runMembers[member++] = d;
        runsList[fill[d] ?? 0] = run;
        fill[d] = (fill[d] ?? 0) + 1;
      }
      run++;
    }
  });
  runStart[runs] = member;

  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    const last = runsFrom[a + 1] ?? 0;
    for (let k = runsFrom[a] ?? 0; k < last; k++) {
      const r = runsList[k] ?? 0;
      const end = runStart[r + 1] ?? 0;
      for (let i = runStart[r] ?? 0; i < end; i++) {
        const b = runMembers[i] ?? 0;
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = (shared[b] ?? 0) + 1;
      }
    }
    for (const b of touched) {
      const need = p.prefilter * Math.min(indexSize[a] ?? 0, indexSize[b] ?? 0);
      if ((shared[b] ?? 0) >= need) compare(a, b);
      shared[b] = 0;
    }
    touched.length = 0;
  }

  // Join: strong pairs first, then containment pairs that do not pass through a bridge.
  const uf = new UnionFind(n);
  for (let i = 0; i < strong.length; i += 2) uf.union(strong[i] ?? 0, strong[i + 1] ?? 0);
  const comp = Int32Array.from({ length: n }, (_, d) => uf.find(d));
  const compOf = (d: number): number => comp[d] ?? d;
  const pairKey = (x: number, y: number): number => (x < y ? x * n + y : y * n + x);

  const partners = new Map<number, Set<number>>();
  const addPartner = (x: number, y: number): void => {
    const set = partners.get(x) ?? new Set<number>();
    set.add(y);
    partners.set(x, set);
  };
  // Components that are the smaller side of some containment pair: contained, not containing.
  const containedSomewhere = new Set<number>();
  for (let i = 0; i < contained.length; i += 2) {
    const a = contained[i] ?? 0;
    const b = contained[i + 1] ?? 0;
    const ca = compOf(a);
    const cb = compOf(b);
    if (ca === cb) continue;
    addPartner(ca, cb);
    addPartner(cb, ca);
    const la = sets[a]?.length ?? 0;
    const lb = sets[b]?.length ?? 0;
    if (la <= lb) containedSomewhere.add(ca);
    if (lb <= la) containedSomewhere.add(cb);
  }
  // Earliest known publication time per component; NaN when a member's time is unknown.
  const compTime = new Map<number, number>();
  if (evidence.times) {
    for (let d = 0; d < n; d++) {
      const c = compOf(d);
      const t = evidence.times[d] ?? NaN;
      const prev = compTime.get(c);
      compTime.set(c, prev === undefined ? t : Math.min(prev, t));
    }
  }
  const isSource = (c: number, list: readonly number[]): boolean => {
    if (containedSomewhere.has(c)) return false;
    const t = compTime.get(c) ?? NaN;
    // Math.min propagates NaN, so one undated member makes the component undated.
    return !Number.isNaN(t) && list.every((x) => t <= (compTime.get(x) ?? NaN));
  };
  const overlapComps = new Set<number>();
  for (let i = 0; i < overlapping.length; i += 2) {
    overlapComps.add(pairKey(compOf(overlapping[i] ?? 0), compOf(overlapping[i + 1] ?? 0)));
  }
  const isBridge = (c: number): boolean => {
    const list = [...(partners.get(c) ?? [])];
    if (list.length < 2) return false;
    const local = new UnionFind(list.length);
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (overlapComps.has(pairKey(list[x] ?? 0, list[y] ?? 0))) local.union(x, y);
      }
    }
    const root = local.find(0);
    return list.some((_, x) => local.find(x) !== root) && !isSource(c, list);
  };
  const bridges = new Set<number>();
  for (const c of partners.keys()) if (isBridge(c)) bridges.add(c);

  for (let i = 0; i < contained.length; i += 2) {
    const a = contained[i] ?? 0;
    const b = contained[i + 1] ?? 0;
    if (!bridges.has(compOf(a)) && !bridges.has(compOf(b))) uf.union(a, b);
  }
  return Int32Array.from({ length: n }, (_, d) => uf.find(d));
}
