// Author names as the bulletin prints them. Some outlets set bylines in capitals (Tuổi Trẻ
// prints "MINH ĐĂNG"); a byline label ("Tác giả:", "Tác giả,") sometimes sits in the same
// element as the name (BBC's byline list reads "Tác giả,Minh Triết" as one text).

/** A leading byline label: "Tác giả:", "Tác giả,", "Bài:", "Theo". */
const BYLINE_LABEL = /^\s*(?:tác giả|bài(?: và ảnh)?|ảnh|theo)\s*[,:]\s*/iu;

/**
 * A byline without its label; an all-capital name in Vietnamese title case, syllable by
 * syllable ("NGUYỄN VĂN AN" → "Nguyễn Văn An"). Mixed-case names are left as written: they
 * may carry deliberate capitals ("H'Hen Niê", "McDonald").
 */
export function cleanAuthorName(name: string): string {
  const s = name.normalize('NFC').replace(BYLINE_LABEL, '').trim();
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toLocaleUpperCase('vi')) return s;
  return s
    .replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLocaleLowerCase('vi'))
    .normalize('NFC');
}
