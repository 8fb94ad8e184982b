// locate: finds the monitored province in a text (taxonomy.md §1). Place names are matched as
// syllable sequences (never substrings) with their diacritics checked, so "nông nghiệp" is
// never "Đắk Nông" and "Đắk Lắk" never is either. A commune name that exists in other
// provinces counts only next to an unambiguous place of this one.
import type { PlaceKind, ProvinceProfile } from '../src/config/province.ts';
import type { Mention, TextField } from '../src/schema.ts';
import { PhraseIndex, tokenize, type TokenizedText } from './classify/phrase-index.ts';

type PlaceInfo = {
  name: string;
  kind: PlaceKind | 'province';
  ambiguous: boolean;
  partOf: string | undefined;
};

export type CompiledProfile = {
  id: string;
  name: string;
  readonly index: PhraseIndex<PlaceInfo>;
  readonly places: ReadonlyMap<string, PlaceInfo>;
};

export type LocateDoc = { title: string; sapo: string; body: string };
export type LocateResult = { relevant: boolean; relevance: number; mentions: Mention[] };
export type TokenizedDoc = Record<TextField, TokenizedText>;

export const FIELDS: readonly TextField[] = ['title', 'sapo', 'body'];

// Capitalised syllables that, right before a place name, make it part of a person's name
// ("Nguyễn Đức Trọng", "Trần Đức Linh"). Common surnames plus the two commonest middle names.
const NAME_HEADS = new Set(
  [
    'nguyễn',
    'trần',
    'lê',
    'phạm',
    'hoàng',
    'huỳnh',
    'phan',
    'vũ',
    'võ',
    'đặng',
    'bùi',
    'đỗ',
    'hồ',
    'ngô',
    'dương',
    'lý',
    'đinh',
    'trương',
    'lương',
    'mai',
    'đoàn',
    'trịnh',
    'cao',
    'lâm',
    'tạ',
    'tô',
    'văn',
    'thị',
  ].map((s) => s.normalize('NFC')),
);

/** Folds and indexes every spelling of every place once, for any number of texts. */
export function compileProfile(p: ProvinceProfile): CompiledProfile {
  const index = new PhraseIndex<PlaceInfo>();
  const places = new Map<string, PlaceInfo>();
  const add = (name: string, spellings: string[], info: PlaceInfo): void => {
    places.set(name, info);
    for (const s of new Set([name, ...spellings])) index.add(s, info);
  };
  const province = { kind: 'province', ambiguous: false, partOf: undefined } as const;
  add(p.name, p.variants, { ...province, name: p.name });
  for (const f of p.formerProvinces) add(f.name, f.variants, { ...province, name: f.name });
  for (const pl of p.places) {
    const { name, kind, ambiguous, partOf } = pl;
    add(name, pl.variants, { name, kind, ambiguous, partOf });
  }
  return { id: p.id, name: p.name, index, places };
}

export function tokenizeDoc(doc: LocateDoc): TokenizedDoc {
  return { title: tokenize(doc.title), sapo: tokenize(doc.sapo), body: tokenize(doc.body) };
}

/** `ambiguous` is the match's: a place reached through partOf is only as sure as its match. */
type Hit = { place: PlaceInfo; field: TextField; start: number; ambiguous: boolean };

function isPersonName(text: TokenizedText, start: number): boolean {
  if (text.caseless) return false;
  const first = text.tokens[start];
  const prev = text.tokens[start - 1];
  if (!first || !prev || first.breakBefore || !prev.capitalized) return false;
  return NAME_HEADS.has(prev.lower);
}

// A commune name followed by another capitalised syllable is the head of a longer name:
// "Nam Đà" in "phía Nam Đà Nẵng". Only small units: a city name followed by a capital is
// still the city ("Đà Lạt Hoa" festival names).
function continuesLongerName(text: TokenizedText, end: number, place: PlaceInfo): boolean {
  if (place.kind !== 'commune' && place.kind !== 'ward') return false;
  const next = text.tokens[end];
  return text.mixedCase && next !== undefined && next.joinedBefore && next.capitalized;
}

function hitsIn(text: TokenizedText, field: TextField, profile: CompiledProfile): Hit[] {
  const found = profile.index
    .match(text)
    .filter((m) => !isPersonName(text, m.start) && !continuesLongerName(text, m.end, m.value));
  // A name inside a longer name is not a place of its own ("Hàm Thuận" in "Hàm Thuận Nam");
  // the longer one reports it through partOf when it should ("Đèo Bảo Lộc" → "Bảo Lộc").
  const kept = found.filter(
    (m) =>
      !found.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const m of kept) {
    let place: PlaceInfo | undefined = m.value;
    for (let depth = 0; place && depth < 5; depth++) {
      const key = `${place.name}@${m.start}`;
      if (!seen.has(key)) {
        hits.push({
          place,
          field,
          start: m.start,
          ambiguous: m.value.ambiguous || place.ambiguous,
        });
      }
      seen.add(key);
      place = place.partOf === undefined ? undefined : profile.places.get(place.partOf);
    }
  }
  return hits;
}

const FIELD_WEIGHT: Record<TextField, number> = { title: 1, sapo: 0.6, body: 0.3 };

function relevanceOf(mentions: Mention[], firstBodyPos: number): number {
  let s = 0;
  for (const m of mentions) s += FIELD_WEIGHT[m.field] * (1 + 0.5 * Math.log(m.count));
  // A place named in the opening lines of the body is what the text is about.
  if (firstBodyPos >= 0) s += 0.3 * Math.max(0, 1 - firstBodyPos / 60);
  return Math.round(Math.min(1, 1 - Math.exp(-1.5 * s)) * 1000) / 1000;
}

/** `locate` on texts already tokenized (classify tokenizes once for every stage). */
export function locateTokens(doc: TokenizedDoc, profile: CompiledProfile): LocateResult {
  const hits = FIELDS.flatMap((f) => hitsIn(doc[f], f, profile));
  const anchored = hits.some((h) => !h.ambiguous);
  const counted = anchored ? hits : [];
  const mentions: Mention[] = [];
  const byKey = new Map<string, Mention>();
  for (const h of counted) {
    const key = `${h.field}\u0000${h.place.name}`;
    const m = byKey.get(key);
    if (m) m.count += 1;
    else {
      const created: Mention = { name: h.place.name, field: h.field, count: 1 };
      byKey.set(key, created);
      mentions.push(created);
    }
  }
  const bodyStarts = counted.filter((h) => h.field === 'body').map((h) => h.start);
  const firstBodyPos = bodyStarts.length > 0 ? Math.min(...bodyStarts) : -1;
  const relevant = mentions.length > 0;
  return { relevant, relevance: relevant ? relevanceOf(mentions, firstBodyPos) : 0, mentions };
}

export function locate(doc: LocateDoc, profile: CompiledProfile): LocateResult {
  return locateTokens(tokenizeDoc(doc), profile);
}
