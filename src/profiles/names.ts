// Name forms of admin units: the bare name of a unit ("Phường Cam Ly - Đà Lạt" → "Cam Ly -
// Đà Lạt"), the key two names are "the same name" by (folded syllables, as the matcher sees
// them), and the canonical spelling a profile reports.
import { canonicalTones, syllables } from '../../pipeline/normalize.ts';

// Longest first, so "Thị xã" is not read as "Thị" + "xã …". Case-insensitive: the GSO list
// writes "Thị Xã Việt Yên".
const UNIT_PREFIXES = [
  'thành phố',
  'thị trấn',
  'thị xã',
  'đặc khu',
  'thủ đô',
  'phường',
  'huyện',
  'quận',
  'tỉnh',
  'xã',
];

/** NFC, canonical tone placement, single spaces. */
export function tidy(name: string): string {
  return canonicalTones(name.normalize('NFC').replace(/\s+/g, ' ').trim());
}

/** The name without its unit prefix: "Thị Xã Việt Yên" → "Việt Yên". */
export function stripUnitPrefix(full: string): string {
  const t = tidy(full);
  const lower = t.toLowerCase();
  for (const p of UNIT_PREFIXES) {
    if (lower.startsWith(p + ' ')) return t.slice(p.length + 1).trim();
  }
  return t;
}

/**
 * What makes two names the same name: their folded syllables ("Đăk Glong" = "Đắk G'long"),
 * with the old "qui" spelling read as "quy" (the GSO list still writes "Huyện Phú Quí").
 */
export function nameKey(name: string): string {
  return syllables(name)
    .map((s) => (s === 'qui' ? 'quy' : s))
    .join(' ');
}

/** A profile id from a province name: "Lâm Đồng" → "lam-dong". */
export function profileId(provinceName: string): string {
  return syllables(stripUnitPrefix(provinceName)).join('-');
}

/** The key without a leading or trailing number: "Đam Rông 1", "1 Bảo Lộc" → the base name. */
export function baseKey(key: string): string {
  return key
    .split(' ')
    .filter((s, i, all) => !(/^\d+$/.test(s) && (i === 0 || i === all.length - 1)))
    .join(' ');
}

/** Whole syllables of `inner` at the start or the end of `outer` (not the whole of it). */
export function containsAtEdge(outer: string, inner: string): boolean {
  return outer !== inner && (outer.startsWith(inner + ' ') || outer.endsWith(' ' + inner));
}

// The press and the official lists write the Ede/Mnong word for "water" Đắk, Đăk, Đắc or
// Đak ("Đăk Glong" in the GSO list, "Đak Đoa" in the 2025 list, "Đắk Nông" for the province).
// A profile reports one form, the one of the province names.
const DAK_FAMILY = /^(Đăk|Đak|Đắc)$/u;

/** The spelling a profile reports: tidy, with the Đắk family written "Đắk". */
export function canonicalName(name: string): string {
  return tidy(name)
    .split(' ')
    .map((w) => (DAK_FAMILY.test(w) ? 'Đắk' : w))
    .join(' ');
}
