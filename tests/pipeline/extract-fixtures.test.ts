// One saved page per site rule (and three pages of outlets no rule knows), written in the
// outlet's markup shape with its furniture (menus, related boxes, captions, share bars, ads).
// Each folder tests/fixtures/extract/<id>/ holds page.html and expected.json:
//   url           the page's address (its host selects the rule)
//   rule          the rule id that must be selected, or null for the generic fallback
//   title, sapo, author, publishedAt, section, tags   exact values
//   body | bodyStart + bodyEnd + paragraphs           the body, whole or by its ends
//   absent        strings of page furniture that must not reach the body
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractPage } from '../../pipeline/extract/extract-page.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { selectRule } from '../../pipeline/extract/select-rule.ts';
import { SITE_RULES } from '../../pipeline/extract/sites/index.ts';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/extract');
const NOW = new Date('2026-11-20T07:00:00+07:00');
const GENERIC = ['generic-jsonld', 'generic-opengraph', 'generic-plain'];

const Expected = z
  .object({
    url: z.string().url(),
    rule: z.string().nullable(),
    title: z.string().min(1),
    sapo: z.string(),
    body: z.string().optional(),
    bodyStart: z.string().optional(),
    bodyEnd: z.string().optional(),
    paragraphs: z.number().int().positive().optional(),
    absent: z.array(z.string()).default([]),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    section: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .strict()
  .refine((e) => e.body !== undefined || (e.bodyStart && e.bodyEnd && e.paragraphs), {
    message: 'expected.json needs body, or bodyStart + bodyEnd + paragraphs',
  });

const folders = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function load_(id: string): { html: string; expected: z.infer<typeof Expected> } {
  const html = readFileSync(path.join(DIR, id, 'page.html'), 'utf8');
  const expected = Expected.parse(
    JSON.parse(readFileSync(path.join(DIR, id, 'expected.json'), 'utf8')),
  );
  return { html, expected };
}

describe('extract fixtures: coverage', () => {
  it.each(SITE_RULES.map((r) => [r.id]))('rule %s has a fixture folder', (id) => {
    expect(folders).toContain(id);
  });

  it('has the generic fixtures and no folder without a rule', () => {
    for (const g of GENERIC) expect(folders).toContain(g);
    const known = new Set([...SITE_RULES.map((r) => r.id), ...GENERIC]);
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });

  it('rule ids are unique', () => {
    const ids = SITE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(folders.map((f) => [f]))('extract fixture %s', (id) => {
  const { html, expected } = load_(id);

  it('selects the expected rule by host', () => {
    const sel = selectRule(load(html), expected.url);
    expect(sel.rule?.id ?? null).toBe(expected.rule);
    if (expected.rule) expect(sel.by).toBe('host');
  });

  it('extracts title, sapo, body, author, date, section and tags', () => {
    const r = extract({ html, url: expected.url, now: NOW });
    if (!r.ok) throw new Error(`not extracted: ${r.reason}`);
    const a = r.article;
    expect(a.title).toBe(expected.title);
    expect(a.sapo).toBe(expected.sapo);
    if (expected.body !== undefined) {
      expect(a.body).toBe(expected.body);
    } else {
      expect(a.body.startsWith(expected.bodyStart ?? '')).toBe(true);
      expect(a.body.endsWith(expected.bodyEnd ?? '')).toBe(true);
      expect(a.body.split('\n\n')).toHaveLength(expected.paragraphs ?? 0);
    }
    for (const junk of expected.absent) expect(a.body).not.toContain(junk);
    expect(a.body).toBe(a.body.normalize('NFC'));
    expect(a.author).toBe(expected.author);
    expect(a.publishedAt).toBe(expected.publishedAt);
    expect(a.section).toBe(expected.section);
    expect(a.tags).toEqual(expected.tags);
  });
});

// A local mirror (127.0.0.1, no declared host) must still be read by the same rule.
describe('extract fixtures: markup fingerprints', () => {
  it.each(SITE_RULES.map((r) => [r.id]))('%s page is recognised from another host', (id) => {
    const { html } = load_(id);
    const $ = load(html);
    $('link[rel="canonical"], meta[property="og:url"]').remove();
    const sel = selectRule($, 'http://127.0.0.1:8080/page.html');
    expect(sel.by).toBe('fingerprint');
    expect(sel.rule?.id).toBe(id);
  });

  it.each(GENERIC.map((g) => [g]))('%s page matches no fingerprint', (id) => {
    const { html } = load_(id);
    expect(selectRule(load(html), 'http://127.0.0.1:8080/page.html')).toEqual({
      rule: null,
      by: 'generic',
    });
  });
});

describe('extract fixtures: the generic fallback alone', () => {
  it.each(GENERIC.map((g) => [g]))('%s extracts the same with no rules at all', (id) => {
    const { html, expected } = load_(id);
    const withRules = extract({ html, url: expected.url, now: NOW });
    const without = extractPage({ html, url: expected.url, now: NOW }, []);
    expect(without).toEqual(withRules);
  });

  it.each(SITE_RULES.map((r) => [r.id]))('%s page still yields a body without its rule', (id) => {
    const { html, expected } = load_(id);
    const r = extractPage({ html, url: expected.url, now: NOW }, []);
    if (!r.ok) throw new Error(`not extracted: ${r.reason}`);
    // The title may differ (og:title is often a shortened one); the body must be found.
    expect(r.article.body).toContain(expected.bodyStart ?? expected.body?.slice(0, 40) ?? '');
  });
});
