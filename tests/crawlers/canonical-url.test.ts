import { describe, expect, it } from 'vitest';
import { canonicalUrl, preferCanonical, registrableDomain } from '../../crawlers/canonical-url.ts';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, drops the fragment and the default port', () => {
    expect(canonicalUrl('HTTPS://VnExpress.NET:443/Tin-Tuc-1.html#binh-luan')).toBe(
      'https://vnexpress.net/Tin-Tuc-1.html',
    );
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(
      canonicalUrl(
        'https://baomau.example/a.html?utm_source=rss&z=2&fbclid=abc&id=7&gclid=x&zarsrc=31&utm_medium=feed&a=1',
      ),
    ).toBe('https://baomau.example/a.html?a=1&id=7&z=2');
    expect(canonicalUrl('https://baomau.example/a.html?utm_source=zalo&gidzl=q')).toBe(
      'https://baomau.example/a.html',
    );
  });

  it('resolves a relative link against a base', () => {
    expect(
      canonicalUrl('/kinh-doanh/b.htm?utm_campaign=x', 'https://tinmau.example/rss/kd.rss'),
    ).toBe('https://tinmau.example/kinh-doanh/b.htm');
  });

  it('is idempotent', () => {
    const once = canonicalUrl('https://Baomau.example/x?b=2&a=1&utm_term=q#top');
    expect(canonicalUrl(once)).toBe(once);
  });

  it('throws a prefixed error for a non-URL', () => {
    expect(() => canonicalUrl('không phải url')).toThrow(/^canonical-url: /);
  });
});

describe('registrableDomain', () => {
  it('knows Vietnamese second-level suffixes', () => {
    expect(registrableDomain('www.sggp.org.vn')).toBe('sggp.org.vn');
    expect(registrableDomain('lamdong.gov.vn')).toBe('lamdong.gov.vn');
    expect(registrableDomain('m.vnexpress.net')).toBe('vnexpress.net');
    expect(registrableDomain('dantri.com.vn')).toBe('dantri.com.vn');
  });
});

describe('preferCanonical', () => {
  const page = (head: string): string =>
    `<!doctype html><html><head>${head}</head><body><p>Nội dung</p></body></html>`;

  it('uses an absolute canonical link on the same site', () => {
    const html = page(
      '<link rel="canonical" href="https://baomau.example/a-1001.html?utm_source=x">',
    );
    expect(preferCanonical('https://m.baomau.example/a-1001.html?ref=home', html)).toBe(
      'https://baomau.example/a-1001.html',
    );
  });

  it('leads an AMP page back to its article', () => {
    const html =
      '<!doctype html><html amp><head><link rel="canonical" href="https://baomau.example/a-1001.html"></head></html>';
    expect(preferCanonical('https://baomau.example/amp/a-1001.html', html)).toBe(
      'https://baomau.example/a-1001.html',
    );
  });

  it('ignores relative, cross-site, home-page and missing canonical links', () => {
    const url = 'https://baomau.example/a-1001.html?utm_medium=rss';
    const expected = 'https://baomau.example/a-1001.html';
    expect(preferCanonical(url, page('<link rel="canonical" href="/khac.html">'))).toBe(expected);
    expect(
      preferCanonical(
        url,
        page('<link rel="canonical" href="https://doitac.example/a-1001.html">'),
      ),
    ).toBe(expected);
    expect(
      preferCanonical(url, page('<link rel="canonical" href="https://baomau.example/">')),
    ).toBe(expected);
    expect(preferCanonical(url, page('<title>Không có canonical</title>'))).toBe(expected);
  });

  it('does not read a canonical link from the body', () => {
    const html =
      '<html><head><title>t</title></head><body><link rel="canonical" href="https://baomau.example/khac.html"></body></html>';
    expect(preferCanonical('https://baomau.example/a.html', html)).toBe(
      'https://baomau.example/a.html',
    );
  });
});
