// One saved page per site rule, one per older layout of a rule (folder <id>@<validUntil>),
// and four pages of outlets no rule knows, written in the outlet's markup shape with its
// furniture (menus, related boxes, captions, share bars, comment boxes, visitor counters,
// "Ảnh đẹp"), with our own fictional Vietnamese text. Each folder holds page.html and a
// hand-checked expected.json:
//   url           the page's address (its host selects the rule)
//   rule          the rule id that must be selected, or null for the generic fallback
//   version       for an older layout: its validUntil (site-rule.ts)
//   title, sapo, author, publishedAt, section, tags   exact values
//   body | bodyStart + bodyEnd + paragraphs           the body, whole or by its ends
//   absent        strings of page furniture that must not reach the body
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import type { Document } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractPage } from '../../pipeline/extract/extract-page.ts';
import { extract } from '../../pipeline/extract/index.ts';
import { pageOf } from '../../pipeline/extract/page.ts';
import { selectRule } from '../../pipeline/extract/select-rule.ts';
import { SITE_RULES } from '../../pipeline/extract/sites/index.ts';

const DIR = path.resolve(process.cwd(), 'tests/fixtures/extract');
const NOW = new Date('2026-11-20T07:00:00+07:00');
const GENERIC = ['generic-jsonld', 'generic-opengraph', 'generic-plain', 'generic-portal'];
/** Every layout of every rule: [folder, rule id, version or null]. */
const LAYOUTS: [string, string, string | null][] = SITE_RULES.flatMap((r) => [
  [r.id, r.id, null] as [string, string, string | null],
  ...(r.versions ?? []).map(
    (v) => [`${r.id}@${v.validUntil}`, r.id, v.validUntil] as [string, string, string | null],
  ),
]);

const Expected = z
  .object({
    url: z.string().url(),
    rule: z.string().nullable(),
    version: z.string().optional(),
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
  it.each(LAYOUTS.map(([folder]) => [folder]))('layout %s has a fixture folder', (folder) => {
    expect(folders).toContain(folder);
  });

  it('has the generic fixtures and no folder without a rule', () => {
    for (const g of GENERIC) expect(folders).toContain(g);
    const known = new Set([...LAYOUTS.map(([folder]) => folder), ...GENERIC]);
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });

  it('covers at least 20 outlets and 30 pages', () => {
    expect(SITE_RULES.length).toBeGreaterThanOrEqual(20);
    expect(folders.length).toBeGreaterThanOrEqual(30);
  });

  it('rule ids are unique', () => {
    const ids = SITE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(folders.map((f) => [f]))('extract fixture %s', (id) => {
  const { html, expected } = load_(id);

  it('selects the expected rule by host, and the expected layout', () => {
    const sel = selectRule(pageOf(load(html).root().get(0) as Document), expected.url);
    expect(sel.rule?.id ?? null).toBe(expected.rule);
    expect(sel.version).toBe(expected.version ?? null);
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
  it.each(LAYOUTS)('%s page is recognised from another host', (folder, id, version) => {
    const { html } = load_(folder);
    const $ = load(html);
    $('link[rel="canonical"], meta[property="og:url"]').remove();
    const sel = selectRule(pageOf($.root().get(0) as Document), 'http://127.0.0.1:8080/page.html');
    expect(sel.by).toBe('fingerprint');
    expect(sel.rule?.id).toBe(id);
    expect(sel.version).toBe(version);
  });

  it.each(GENERIC.map((g) => [g]))('%s page matches no fingerprint', (id) => {
    const { html } = load_(id);
    expect(
      selectRule(pageOf(load(html).root().get(0) as Document), 'http://127.0.0.1:8080/page.html'),
    ).toEqual({
      rule: null,
      by: 'generic',
      version: null,
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

  it.each(LAYOUTS.map(([folder]) => [folder]))(
    '%s page still yields a body without its rule',
    (id) => {
      const { html, expected } = load_(id);
      const r = extractPage({ html, url: expected.url, now: NOW }, []);
      if (!r.ok) throw new Error(`not extracted: ${r.reason}`);
      // The title may differ (og:title is often a shortened one); the body must be found.
      expect(r.article.body).toContain(expected.bodyStart ?? expected.body?.slice(0, 40) ?? '');
    },
  );
});
