// Decodes HTML character references left in text after XML parsing: feeds put entities
// inside CDATA (VietnamBiz: "Tỷ gi&#225;") or encode them twice (Thanh Niên: "n&amp;agrave;y"),
// so the parsed text still holds them. Only references are decoded; tags are untouched.

// Latin-1 names in code-point order from U+00A0: the range Vietnamese double-encoding uses.
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
  'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml ' +
  'eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

const NAMED: ReadonlyMap<string, number> = new Map<string, number>([
  ...LATIN1_NAMES.map((name, i): [string, number] => [name, 0xa0 + i]),
  ['amp', 0x26],
  ['lt', 0x3c],
  ['gt', 0x3e],
  ['quot', 0x22],
  ['apos', 0x27],
  // Vietnamese letters outside Latin-1 that have HTML5 names.
  ['Abreve', 0x102],
  ['abreve', 0x103],
  ['Dstrok', 0x110],
  ['dstrok', 0x111],
  ['Itilde', 0x128],
  ['itilde', 0x129],
  ['Utilde', 0x168],
  ['utilde', 0x169],
  ['ndash', 0x2013],
  ['mdash', 0x2014],
  ['lsquo', 0x2018],
  ['rsquo', 0x2019],
  ['ldquo', 0x201c],
  ['rdquo', 0x201d],
  ['bull', 0x2022],
  ['hellip', 0x2026],
]);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(cp: number): string | null {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}

/** One pass of decoding; unknown names and invalid code points stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    let cp: number | undefined;
    if (dec !== undefined) cp = Number.parseInt(dec, 10);
    else if (hex !== undefined) cp = Number.parseInt(hex, 16);
    else if (name !== undefined) cp = NAMED.get(name);
    if (cp === undefined) return whole;
    return fromCodePoint(cp) ?? whole;
  });
}

export function hasEntities(text: string): boolean {
  REFERENCE.lastIndex = 0;
  const found = REFERENCE.test(text);
  REFERENCE.lastIndex = 0;
  return found;
}
