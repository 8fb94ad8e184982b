// Schema of config/provinces/<id>.yaml: everything `locate` needs to know about one monitored
// province. The press keeps using pre-2025 names (merged provinces, abolished districts) for
// years, so a profile lists them next to the current units (shared/domain/provinces.md).
import { z } from 'zod';
import { fold } from '../../pipeline/normalize.ts';

const Name = z.string().trim().min(1);

export const PLACE_KINDS = [
  'capital',
  'city',
  'town',
  'former-district',
  'commune',
  'ward',
  'landmark',
] as const;
export const PlaceKind = z.enum(PLACE_KINDS);
export type PlaceKind = z.infer<typeof PlaceKind>;

export const Place = z.strictObject({
  /** Canonical name with diacritics, as reported in mentions: "Đèo Bảo Lộc". */
  name: Name,
  kind: PlaceKind,
  /** Other spellings seen in the press ("Đăk Mil", "Dalat"); matched like the name. */
  variants: z.array(Name).default([]),
  /**
   * The name also exists in another province (a commune "Tân Phú", a poet "Hồ Xuân Hương"):
   * it counts only when an unambiguous place of this province is in the same text.
   */
  ambiguous: z.boolean().default(false),
  /**
   * The place whose name this one contains and lies in ("Đèo Bảo Lộc" → "Bảo Lộc"): a match
   * of this place also reports that one. Must name the province, a former province or a place.
   */
  partOf: Name.optional(),
});
export type Place = z.infer<typeof Place>;

export const FormerProvince = z.strictObject({
  name: Name,
  variants: z.array(Name).default([]),
});
export type FormerProvince = z.infer<typeof FormerProvince>;

export const ProvinceProfile = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case id'),
    /** Canonical current name: "Lâm Đồng". */
    name: Name,
    variants: z.array(Name).default([]),
    /** Provinces merged into this one on 1 July 2025. */
    formerProvinces: z.array(FormerProvince).default([]),
    places: z.array(Place).default([]),
  })
  .superRefine((p, ctx) => {
    // One folded spelling may point at one canonical name only, otherwise a match could not
    // say which place it found.
    const owner = new Map<string, string>();
    const claim = (spelling: string, name: string, path: (string | number)[]): void => {
      const key = fold(spelling);
      const prev = owner.get(key);
      if (prev !== undefined && prev !== name) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `spelling "${spelling}" is used by both "${prev}" and "${name}"`,
        });
      }
      owner.set(key, name);
    };
    claim(p.name, p.name, ['name']);
    p.variants.forEach((v, i) => claim(v, p.name, ['variants', i]));
    p.formerProvinces.forEach((f, i) => {
      claim(f.name, f.name, ['formerProvinces', i, 'name']);
      f.variants.forEach((v, j) => claim(v, f.name, ['formerProvinces', i, 'variants', j]));
    });
    const seen = new Set<string>();
    p.places.forEach((pl, i) => {
      if (seen.has(pl.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['places', i, 'name'],
          message: `duplicate place "${pl.name}"`,
        });
      }
      seen.add(pl.name);
      claim(pl.name, pl.name, ['places', i, 'name']);
      pl.variants.forEach((v, j) => claim(v, pl.name, ['places', i, 'variants', j]));
    });
    const known = new Set([p.name, ...p.formerProvinces.map((f) => f.name), ...seen]);
    p.places.forEach((pl, i) => {
      if (pl.partOf !== undefined && !known.has(pl.partOf)) {
        ctx.addIssue({
          code: 'custom',
          path: ['places', i, 'partOf'],
          message: `partOf "${pl.partOf}" is not the province, a former province or a place`,
        });
      }
    });
  });
export type ProvinceProfile = z.infer<typeof ProvinceProfile>;
export type ProvinceProfileInput = z.input<typeof ProvinceProfile>;
