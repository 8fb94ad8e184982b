// Texts as hashed syllables cut into segments (sentences and paragraphs), and their shingles:
// runs of `k` consecutive syllables within one segment, hashed to unsigned 32-bit ints.
// - Folding (syllables() from normalize) makes copies match when one outlet lost its diacritics
//   or placed tone marks differently (seen in real syndicated pairs).
// - Shingles never cross a segment boundary: outlets edit copies a sentence or a paragraph at a
//   time (reorder, cut, insert), and a shingle spanning a boundary would turn every such edit
//   into k-1 lost shingles. In a 3-paragraph item that was a tenth of the text.
// - syllables() is called once per distinct whitespace-separated token and memoised: its
//   Unicode-property regexes cost 2 s on 5,000 whole articles, while a batch has only tens of
//   thousands of distinct tokens. Every step of syllables() is local to a token (whitespace
//   always separates syllables), so the result is the same as on the whole text.
// - Hashtags, @mentions and links carry no syllables: a fan page's "#DaLat #satlo" block is
//   its own decoration, and counting it would make a repost look less like what it copies.
import { fmix32 } from '../hash.ts';
import { syllables } from '../normalize.ts';

export interface SegmentedText {
  /** Syllable hashes of the whole text, in order. */
  syllables: Int32Array;
  /** Segment i covers syllables[ends[i-1] ?? 0, ends[i]); no segment is empty. */
  ends: Uint32Array;
  /** Hash of each segment's syllables: equal sentences have equal hashes. */
  hashes: Uint32Array;
}

/** A hashtag, a mention or a link: decoration, not text. */
const DECORATION = /^(?:[#@]|https?:\/\/|www\.)/i;

function hashSyllable(s: string): number {
  // FNV-1a: cheap and adequate for short strings; fmix32 does the real spreading.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function hashRange(syl: Int32Array, from: number, to: number, seed: number): number {
  let h = seed;
  for (let j = from; j < to; j++) h = Math.imul(h ^ (syl[j] ?? 0), 0x01000193);
  return fmix32(h) >>> 0;
}

function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** . ! ? … ; end a sentence, also when closing quotes or brackets follow them. */
function endsSentence(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i > from && '"”’»)]'.includes(text.charAt(i))) i--;
  return '.!?…;'.includes(text.charAt(i));
}

/**
 * Memo from a token's characters (two 32-bit running hashes: a wrong hit needs ~10^9 distinct
 * tokens) to its syllable hashes. Open addressing over typed arrays: a Map with number keys
 * or cut-out substrings allocated per token cost more than all the rest of clustering.
 */
class TokenMemo {
  private slots = 1 << 16;
  private key1 = new Int32Array(this.slots);
  private key2 = new Int32Array(this.slots);
  private value = new Int32Array(this.slots); // token number + 1; 0 = empty
  private count = 0;
  /** Syllable hashes of token t: pool[offset[t], offset[t + 1]). */
  readonly pool: number[] = [];
  readonly offset: number[] = [0];
  readonly sentenceEnd: boolean[] = [];

  find(h1: number, h2: number): number {
    const mask = this.slots - 1;
    for (let i = (h1 ^ (h2 >>> 7)) & mask; ; i = (i + 1) & mask) {
      const v = this.value[i] ?? 0;
      if (v === 0) return -1;
      if (this.key1[i] === h1 && this.key2[i] === h2) return v - 1;
    }
  }

  add(h1: number, h2: number, hashes: readonly number[], sentenceEnd: boolean): number {
    if ((this.count + 1) * 2 > this.slots) this.grow();
    const t = this.count++;
    for (const h of hashes) this.pool.push(h);
    this.offset.push(this.pool.length);
    this.sentenceEnd.push(sentenceEnd);
    this.put(h1, h2, t + 1);
    return t;
  }

  private put(h1: number, h2: number, v: number): void {
    const mask = this.slots - 1;
    let i = (h1 ^ (h2 >>> 7)) & mask;
    while ((this.value[i] ?? 0) !== 0) i = (i + 1) & mask;
    this.key1[i] = h1;
    this.key2[i] = h2;
    this.value[i] = v;
  }

  private grow(): void {
    const [k1, k2, val] = [this.key1, this.key2, this.value];
    this.slots *= 2;
    this.key1 = new Int32Array(this.slots);
    this.key2 = new Int32Array(this.slots);
    this.value = new Int32Array(this.slots);
    for (let i = 0; i < val.length; i++) {
      const v = val[i] ?? 0;
      if (v !== 0) this.put(k1[i] ?? 0, k2[i] ?? 0, v);
    }
  }
}

/**
 * Returns a segmenter whose syllable memo lives as long as it does (one cluster() call).
 * Tokens are found by scanning character codes, so no substring is cut out except the first
 * time a token is seen. Given several parts (title, sapo, body), it segments them as if they
 * were joined by line breaks, without building the joined string (at 50,000 articles those
 * copies were a third of the peak memory).
 */
export function createSegmenter(): (text: string | readonly string[]) => SegmentedText {
  const memo = new TokenMemo();
  let buffer = new Int32Array(4096);
  let n = 0;
  const ends: number[] = [];
  const close = (): void => {
    if (n > (ends[ends.length - 1] ?? 0)) ends.push(n);
  };
  /** Scans one part; its end counts as a line break. */
  const scan = (text: string): void => {
    let start = -1;
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (!isSpace(c)) {
        if (start < 0) {
          start = i;
          h1 = 0x811c9dc5;
          h2 = 0x01000193;
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995) + c;
        continue;
      }
      if (start >= 0) {
        h2 |= 0;
        let t = memo.find(h1, h2);
        if (t < 0) {
          const raw = text.slice(start, i);
          const syl = DECORATION.test(raw) ? [] : syllables(raw).map(hashSyllable);
          t = memo.add(h1, h2, syl, endsSentence(text, start, i));
        }
        const from = memo.offset[t] ?? 0;
        const to = memo.offset[t + 1] ?? 0;
        if (n + to - from > buffer.length) {
          const bigger = new Int32Array(buffer.length * 2 + to - from);
          bigger.set(buffer);
          buffer = bigger;
        }
        for (let j = from; j < to; j++) buffer[n++] = memo.pool[j] ?? 0;
        if (memo.sentenceEnd[t]) close();
        start = -1;
      }
      if (c === 10) close();
    }
  };
  return (text) => {
    n = 0;
    ends.length = 0;
    if (typeof text === 'string') scan(text);
    else for (const part of text) scan(part);
    const s = buffer.slice(0, n);
    const e = Uint32Array.from(ends);
    const hashes = new Uint32Array(e.length);
    for (let i = 0; i < e.length; i++)
      hashes[i] = hashRange(s, e[i - 1] ?? 0, e[i] ?? 0, 0x5bd1e995);
    return { syllables: s, ends: e, hashes };
  };
}

/**
 * The distinct shingle hashes of the segments `keep` marks, sorted ascending. A segment
 * shorter than `k` syllables is one shingle by itself, so short titles and one-line posts still
 * have something to match.
 */
export function shingleSet(
  text: SegmentedText,
  k: number,
  /** 1 for each segment to use; all segments when absent. */
  keep?: Uint8Array,
): Uint32Array {
  const { syllables: syl, ends } = text;
  const out = new Uint32Array(syl.length);
  let n = 0;
  for (let s = 0; s < ends.length; s++) {
    if (keep && keep[s] !== 1) continue;
    const from = ends[s - 1] ?? 0;
    const to = ends[s] ?? 0;
    const last = Math.max(from, to - k);
    for (let i = from; i <= last; i++)
      out[n++] = hashRange(syl, i, Math.min(to, i + k), 0x9e3779b9);
  }
  const sorted = out.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i] ?? 0;
    if (m === 0 || h !== sorted[m - 1]) sorted[m++] = h;
  }
  return sorted.slice(0, m);
}
