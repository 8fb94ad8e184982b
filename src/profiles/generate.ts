// Builds a province profile (src/config/province.ts) from the national admin tables: the
// 2025 province, the provinces merged into it, their pre-2025 cities, towns, districts and
// townships, the 2025 communes and wards, spelling variants by rule, and `ambiguous` computed
// from the national lists. Pure: rows and an overlay in, a profile and a report out.
import type { FormerProvince, Place, PlaceKind, ProvinceProfileInput } from '../config/province.ts';
import type { AdminTables } from './admin.ts';
import {
  baseKey,
  canonicalName,
  containsAtEdge,
  nameKey,
  profileId,
  stripUnitPrefix,
  tidy,
} from './names.ts';
import { EMPTY_OVERLAY, type Overlay } from './overlay.ts';
import { distinctForMatcher, ruleVariants } from './variants.ts';

export type GeneratedPlace = { place: Place; note?: string };
export type PlaceGroup = { title: string; places: GeneratedPlace[] };

export type GeneratedProfile = {
  id: string;
  name: string;
  variants: string[];
  formerProvinces: FormerProvince[];
  groups: PlaceGroup[];
  /** What the generator decided that a reader should know: drops, merges, overrides. */
  report: string[];
};

/** Bigger units win a shared name; a 2025 unit named like one of them is merged into it. */
const RANK: Record<PlaceKind, number> = {
  capital: 6,
  city: 5,
  town: 4,
  'former-district': 3,
  commune: 1,
  ward: 1,
  landmark: 0,
};

type Entry = {
  key: string;
  kind: PlaceKind;
  /** A pre-2025 township (thị trấn): kind town, but as small as a commune for partOf. */
  township: boolean;
  group: string;
  /** The group it was first listed in: a pre-2025 unit's province. */
  homeGroup: string;
  spellings: string[];
  /** The 2025 spelling, when a 2025 unit has this name: the current official one. */
  spelling2025?: string;
  /** A place from the overlay keeps its name as written there. */
  fixedName?: string;
  extraVariants: string[];
  ambiguous?: boolean;
  partOf?: string;
  note?: string;
};

const OVERLAY_GROUP = 'Landmarks and other places (overlay)';

const DISTRICT_KIND: Record<string, PlaceKind> = {
  'Thành phố': 'city',
  'Thị xã': 'town',
  'Thị Xã': 'town',
};
const NEW_KIND: Record<string, PlaceKind> = { Xã: 'commune', Phường: 'ward', 'Đặc khu': 'commune' };

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Where else a name is used: national lists, by folded name. */
class NameIndex {
  private readonly byName = new Map<string, Set<string>>();

  add(name: string, province: string): void {
    const key = nameKey(stripUnitPrefix(name));
    if (key === '' || /^\d+$/.test(key)) return;
    const set = this.byName.get(key) ?? new Set<string>();
    set.add(province);
    this.byName.set(key, set);
  }

  /** Provinces other than `own` that use the name. */
  others(key: string, own: ReadonlySet<string>): string[] {
    return [...(this.byName.get(key) ?? [])].filter((p) => !own.has(p));
  }
}

type Indexes = { current: NameIndex; former: NameIndex };
// Built once per set of tables: building four profiles reads the national lists once.
const indexCache = new WeakMap<AdminTables, Indexes>();

function nationalIndexes(t: AdminTables): Indexes {
  const cached = indexCache.get(t);
  if (cached) return cached;
  const current = new NameIndex();
  const former = new NameIndex();
  for (const u of t.newUnits) {
    current.add(u.name, u.province);
    current.add(u.province, u.province);
  }
  for (const d of t.districts) former.add(d.name, d.province);
  for (const u of t.legacyUnits) {
    former.add(u.name, u.province);
    former.add(u.district, u.province);
    former.add(u.province, u.province);
  }
  indexCache.set(t, { current, former });
  return { current, former };
}

function evidence(provinces: string[]): string {
  const names = unique(provinces.map(stripUnitPrefix)).sort(byKey);
  const shown = names.slice(0, 3).join(', ');
  return `also in ${shown}${names.length > 3 ? ` +${names.length - 3}` : ''}`;
}

export function generateProfile(
  tables: AdminTables,
  id: string,
  overlay: Overlay = EMPTY_OVERLAY,
): GeneratedProfile {
  const provinces = unique(tables.newUnits.map((u) => u.province));
  const full = provinces.find((p) => profileId(p) === id);
  if (full === undefined) {
    const known = provinces.map(profileId).sort().join(', ');
    throw new Error(`profiles: no 2025 province with id "${id}" (known: ${known})`);
  }
  const name = stripUnitPrefix(full);
  const nameK = nameKey(name);
  const olds = unique(
    tables.legacyUnits.filter((u) => u.newProvince === full).map((u) => u.province),
  );
  if (olds.length === 0) throw new Error(`profiles: ${id}: no pre-2025 unit maps to ${full}`);
  // The province's own pre-2025 part first, then the merged provinces.
  olds.sort((a, b) => {
    const own = (p: string) => (nameKey(stripUnitPrefix(p)) === nameK ? 0 : 1);
    return own(a) - own(b) || byKey(nameKey(a), nameKey(b));
  });
  // Former provinces in the overlay's order when it lists them (the order people write them).
  const listed = overlay.formerProvinces.map((f) => nameKey(f.name));
  const at = (n: string): number => {
    const i = listed.indexOf(nameKey(n));
    return i < 0 ? listed.length : i;
  };
  const formerNames = olds
    .map(stripUnitPrefix)
    .filter((n) => nameKey(n) !== nameK)
    .sort((a, b) => at(a) - at(b));
  const ownProvinces = new Set([full, ...olds]);
  const report: string[] = [];

  // Keys that name the province or a former one: a place of the same name is left out.
  const reserved = new Map<string, string>([[nameK, name]]);
  for (const f of formerNames) reserved.set(nameKey(f), f);

  const entries = new Map<string, Entry>();
  /** Group titles in the order they are first used: pre-2025 by province, 2025, overlay. */
  const groupOrder: string[] = [];
  const merged2025: string[] = [];
  const numbered = new Map<string, string[]>();
  const add = (
    raw: string,
    kind: PlaceKind,
    group: string,
    opts: { is2025?: boolean; township?: boolean; what: string },
  ): void => {
    const bare = stripUnitPrefix(raw);
    const key = nameKey(bare);
    if (key === '' || /^\d+$/.test(key)) return;
    const owner = reserved.get(key);
    if (owner !== undefined) {
      report.push(`${opts.what} "${bare}" left out: the name of the province ${owner} covers it`);
      return;
    }
    const base = baseKey(key);
    const target = base !== key ? (entries.get(base) ?? reserved.get(base)) : undefined;
    if (target !== undefined) {
      numbered.set(base, [...(numbered.get(base) ?? []), bare]);
      return;
    }
    const existing = entries.get(key);
    if (existing) {
      existing.spellings.push(bare);
      // A township that became a commune or ward of its own name is reported as what it is now.
      if (opts.is2025 && existing.township) {
        existing.kind = kind;
        existing.township = false;
        existing.group = group;
        if (!groupOrder.includes(group)) groupOrder.push(group);
      }
      if (opts.is2025) {
        existing.spelling2025 ??= bare;
        merged2025.push(bare);
      }
      return;
    }
    if (!groupOrder.includes(group)) groupOrder.push(group);
    entries.set(key, {
      key,
      kind,
      township: opts.township ?? false,
      group,
      homeGroup: group,
      spellings: [bare],
      ...(opts.is2025 ? { spelling2025: bare } : {}),
      extraVariants: [],
    });
  };

  for (const p of olds) {
    const short = stripUnitPrefix(p);
    const title =
      nameKey(short) === nameK
        ? `${short} before the merger: cities, towns, districts, townships (thị trấn)`
        : `Former province ${short}: cities, towns, districts, townships (thị trấn)`;
    const districts = [
      ...tables.districts.filter((d) => d.province === p).map((d) => [d.name, d.type] as const),
      ...tables.legacyUnits
        .filter((u) => u.province === p)
        .map((u) => [u.district, u.districtType] as const),
    ];
    for (const [d, type] of new Map(districts)) {
      add(d, DISTRICT_KIND[type] ?? 'former-district', title, { what: 'pre-2025 district' });
    }
    for (const u of tables.legacyUnits) {
      if (u.province === p && u.type === 'Thị trấn') {
        add(u.name, 'town', title, { township: true, what: 'pre-2025 township' });
      }
    }
  }
  const newTitle = 'Communes, wards and special zones from 1 July 2025 (not named above)';
  for (const u of tables.newUnits) {
    if (u.province !== full) continue;
    add(u.name, NEW_KIND[u.type] ?? 'commune', newTitle, { is2025: true, what: '2025 unit' });
  }
  if (merged2025.length > 0) {
    report.push(
      `${merged2025.length} 2025 units share the name of a pre-2025 unit and are reported as it: ` +
        merged2025.join(', '),
    );
  }
  const nameOf = (e: Entry): string =>
    e.fixedName ?? canonicalName(e.spelling2025 ?? e.spellings[0] ?? '');
  for (const [base, wards] of numbered) {
    const target = entries.get(base);
    const shown = target ? nameOf(target) : (reserved.get(base) ?? base);
    report.push(`numbered 2025 units reported as ${shown}: ${wards.join(', ')}`);
  }

  // partOf: a small unit whose name ends or starts with a bigger one's lies in it ("Nam Ban
  // Lâm Hà", "Cam Ly - Đà Lạt", "Quy Nhơn Đông"); the 2025 reform named them so on purpose.
  const containers = [...entries.values()].filter((e) => RANK[e.kind] >= 3 && !e.township);
  for (const e of entries.values()) {
    if (RANK[e.kind] >= 3 && !e.township) continue;
    let best: { key: string; name: string } | undefined;
    for (const c of [
      ...containers.map((c) => ({ key: c.key, name: nameOf(c) })),
      ...[...reserved].map(([key, n]) => ({ key, name: n })),
    ]) {
      if (containsAtEdge(e.key, c.key) && (!best || c.key.length > best.key.length)) best = c;
    }
    if (best) e.partOf = best.name;
  }

  const { current, former } = nationalIndexes(tables);
  const ambiguityOf = (key: string): string[] =>
    unique([...current.others(key, ownProvinces), ...former.others(key, ownProvinces)]);
  for (const e of entries.values()) {
    const others = ambiguityOf(e.key);
    e.ambiguous = others.length > 0;
    if (e.ambiguous) e.note = evidence(others);
  }

  if (overlay.capital !== undefined) {
    const key = nameKey(overlay.capital);
    const e = entries.get(key);
    if (reserved.has(key)) {
      report.push(`the seat ${overlay.capital} has the province's own name: no separate place`);
    } else if (e && (e.kind === 'city' || e.kind === 'town')) {
      e.kind = 'capital';
    } else {
      throw new Error(`profiles: ${id}: overlay capital "${overlay.capital}" is not a city`);
    }
  }
  applyOverlayPlaces(id, overlay, entries, reserved, ambiguityOf, report);
  groupOrder.push(OVERLAY_GROUP);

  const formerProvinces: FormerProvince[] = formerNames.map((f) => ({
    name: f,
    variants: distinctForMatcher(f, [
      ...ruleVariants(f, { unmarked: true }),
      ...(overlay.formerProvinces.find((o) => nameKey(o.name) === nameKey(f))?.variants ?? []),
    ]),
  }));
  for (const o of overlay.formerProvinces) {
    if (!formerNames.some((f) => nameKey(f) === nameKey(o.name))) {
      throw new Error(
        `profiles: ${id}: overlay former province "${o.name}" is not merged into ${name}`,
      );
    }
  }
  const variants = distinctForMatcher(name, [
    ...ruleVariants(name, { unmarked: true }),
    ...overlay.variants,
  ]);

  // One folded spelling, one owner (the schema's rule): a variant that names another place
  // is dropped, never the place.
  const owner = new Map<string, string>();
  owner.set(nameK, name);
  for (const f of formerProvinces) owner.set(nameKey(f.name), f.name);
  const ordered = orderEntries(entries, groupOrder);
  for (const e of ordered) owner.set(e.key, nameOf(e));
  const keep = (spellings: string[], of: string): string[] =>
    spellings.filter((s) => {
      const o = owner.get(nameKey(s));
      if (o !== undefined && o !== of) {
        report.push(`variant "${s}" of ${of} dropped: it is the name of ${o}`);
        return false;
      }
      owner.set(nameKey(s), of);
      return true;
    });
  const provinceVariants = keep(variants, name);
  for (const f of formerProvinces) f.variants = keep(f.variants, f.name);

  const groups: PlaceGroup[] = [];
  for (const e of ordered) {
    const n = nameOf(e);
    const spellings = e.spellings.map(tidy);
    // An overlay place lists its own variants: rules apply to the admin tables' names.
    const fromData = e.fixedName
      ? []
      : [...ruleVariants(n), ...spellings, ...spellings.flatMap((s) => ruleVariants(s))];
    const placeVariants = keep(distinctForMatcher(n, [...fromData, ...e.extraVariants]), n);
    const place: Place = {
      name: n,
      kind: e.kind,
      variants: placeVariants,
      ambiguous: e.ambiguous ?? false,
      ...(e.partOf !== undefined ? { partOf: e.partOf } : {}),
    };
    let group = groups.find((g) => g.title === e.group);
    if (!group) {
      group = { title: e.group, places: [] };
      groups.push(group);
    }
    group.places.push({ place, ...(e.note !== undefined ? { note: e.note } : {}) });
  }
  return { id, name, variants: provinceVariants, formerProvinces, groups, report };
}

function applyOverlayPlaces(
  id: string,
  overlay: Overlay,
  entries: Map<string, Entry>,
  reserved: ReadonlyMap<string, string>,
  ambiguityOf: (key: string) => string[],
  report: string[],
): void {
  for (const op of overlay.places) {
    const key = nameKey(op.name);
    const e = entries.get(key);
    if (reserved.has(key)) {
      throw new Error(`profiles: ${id}: overlay place "${op.name}" is the province's own name`);
    }
    if (op.drop) {
      if (!e)
        throw new Error(`profiles: ${id}: overlay drops "${op.name}", which is not generated`);
      entries.delete(key);
      report.push(`overlay: ${op.name} left out (${op.reason ?? ''})`);
      continue;
    }
    if (e) {
      if (op.kind !== undefined && op.kind !== e.kind) {
        report.push(
          `overlay: ${op.name} is ${op.kind}, not ${e.kind} (${op.reason ?? 'no reason'})`,
        );
        e.kind = op.kind;
        e.township = false;
        // Made a pre-2025 unit again: listed with its province.
        if (RANK[op.kind] >= 3) e.group = e.homeGroup;
      }
      if (op.ambiguous !== undefined && op.ambiguous !== e.ambiguous) {
        report.push(`overlay: ${op.name} ambiguous: ${op.ambiguous} (${op.reason ?? ''})`);
      }
      if (op.ambiguous !== undefined) e.ambiguous = op.ambiguous;
      if (op.reason !== undefined) e.note = op.reason;
      if (op.partOf !== undefined) e.partOf = op.partOf;
      e.extraVariants.push(...op.variants);
      continue;
    }
    if (op.kind === undefined) {
      throw new Error(
        `profiles: ${id}: overlay place "${op.name}" is not generated; give a kind to add it`,
      );
    }
    const others = ambiguityOf(key);
    const ambiguous = op.ambiguous ?? others.length > 0;
    const note = op.reason ?? (others.length > 0 ? evidence(others) : undefined);
    entries.set(key, {
      key,
      kind: op.kind,
      township: false,
      group: OVERLAY_GROUP,
      homeGroup: OVERLAY_GROUP,
      spellings: [tidy(op.name)],
      fixedName: tidy(op.name),
      extraVariants: [...op.variants],
      ambiguous,
      ...(op.partOf !== undefined ? { partOf: op.partOf } : {}),
      ...(note !== undefined ? { note } : {}),
    });
  }
}

/** Groups in order (pre-2025 by province, 2025, overlay); in a group, big units first. */
function orderEntries(entries: ReadonlyMap<string, Entry>, groupOrder: string[]): Entry[] {
  const rank = (e: Entry): number => (e.township ? 2 : RANK[e.kind]);
  return [...entries.values()].sort(
    (a, b) =>
      groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) ||
      rank(b) - rank(a) ||
      byKey(a.key, b.key),
  );
}

/** The profile as the schema reads it (groups flattened). */
export function toProfileInput(g: GeneratedProfile): ProvinceProfileInput {
  return {
    id: g.id,
    name: g.name,
    variants: g.variants,
    formerProvinces: g.formerProvinces,
    places: g.groups.flatMap((gr) => gr.places.map((p) => p.place)),
  };
}

export type PlaceCounts = Record<PlaceKind, number> & { ambiguous: number; total: number };

export function countPlaces(g: GeneratedProfile): PlaceCounts {
  const counts: PlaceCounts = {
    capital: 0,
    city: 0,
    town: 0,
    'former-district': 0,
    commune: 0,
    ward: 0,
    landmark: 0,
    ambiguous: 0,
    total: 0,
  };
  for (const gr of g.groups) {
    for (const { place } of gr.places) {
      counts[place.kind] += 1;
      counts.total += 1;
      if (place.ambiguous) counts.ambiguous += 1;
    }
  }
  return counts;
}
