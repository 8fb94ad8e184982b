// prepare.ts counts container nesting with a hand scan instead of regex matches (fewer
// allocations, issue 4). The count must equal the regex's on any markup: random tag soup of
// container and other tags, any case, closing or not, glued to word and non-word characters.
import { describe, expect, it } from 'vitest';
import { prepareHtml } from '../../pipeline/extract/prepare.ts';
import { prng } from './prng.ts';

const CONTAINER =
  /<(\/?)(div|span|section|article|main|table|ul|ol|blockquote|b|i|em|strong|font|a|small|u)\b/gi;

function regexCount(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(CONTAINER)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) max = depth;
  }
  return max;
}

const PIECES = [
  '<div',
  '</div',
  '<DIV',
  '<Span',
  '</span',
  '<blockquote',
  '<blockquotes',
  '<b',
  '<br',
  '</b',
  '<bdi',
  '<a',
  '<abbr',
  '<A',
  '<i',
  '<img',
  '<u',
  '<ul',
  '</ul',
  '<font',
  '<strong',
  '<p',
  '</p',
  '<li',
  '<',
  '</',
  '<<div',
  '<div_x',
  '<div-x',
  '<div1',
  '<divé',
  '<ſpan',
  '>',
  ' class="a"',
  ' ',
  'x',
  '/>',
  '\n',
  '<!--',
  '-->',
  'é',
  '<table',
  '</table',
];

describe('prepare: container nesting scan', () => {
  it('equals the regex count on 20,000 random tag soups', () => {
    const r = prng(7);
    for (let i = 0; i < 20_000; i++) {
      let html = '';
      const n = 1 + Math.floor(r() * 40);
      for (let k = 0; k < n; k++) html += PIECES[Math.floor(r() * PIECES.length)];
      // prepareHtml strips comments first, as the scan sees them; compare on what it keeps.
      const prepared = prepareHtml(html);
      if (prepared.unclosed !== regexCount(prepared.html)) {
        expect({ html, unclosed: prepared.unclosed }).toEqual({
          html,
          unclosed: regexCount(prepared.html),
        });
      }
    }
  });

  it('counts what real pages nest', () => {
    expect(prepareHtml('<div><div><span><b>x</b></span></div><div>').unclosed).toBe(4);
    expect(prepareHtml('<br><img><p><li>').unclosed).toBe(0);
  });
});
