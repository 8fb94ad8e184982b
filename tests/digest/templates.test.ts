import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE_DIR,
  REQUIRED_PARTIALS,
  loadTemplates,
  renderDigestHtml,
} from '../../src/digest/templates.ts';
import { fixtureModel } from './fixture.ts';

const dirs: string[] = [];
function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diemtin-templates-'));
  dirs.push(dir);
  cpSync(DEFAULT_TEMPLATE_DIR, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function edit(dir: string, rel: string, f: (src: string) => string): void {
  const path = join(dir, rel);
  writeFileSync(path, f(readFileSync(path, 'utf8')));
}

describe('loadTemplates', () => {
  it('loads the shipped templates', () => {
    expect(() => loadTemplates(DEFAULT_TEMPLATE_DIR)).not.toThrow();
  });

  it.each([
    'layouts/bulletin.hbs',
    'views/daily.hbs',
    ...REQUIRED_PARTIALS.map((p) => `partials/${p}.hbs`),
  ])('fails at load, naming %s, when it is missing', (rel) => {
    const dir = copyTemplates();
    rmSync(join(dir, rel));
    expect(() => loadTemplates(dir)).toThrow(`digest: missing template ${join(dir, rel)}`);
  });

  it('fails at load when a view names an unknown partial', () => {
    const dir = copyTemplates();
    edit(dir, 'views/daily.hbs', (s) => `${s}\n{{> footnote}}\n`);
    expect(() => loadTemplates(dir)).toThrow(/views\/daily\.hbs: unknown partial "footnote"/);
  });

  it('fails at load when a partial names an unknown partial', () => {
    const dir = copyTemplates();
    edit(dir, 'partials/section.hbs', (s) => s.replace('{{> item', '{{> itme'));
    expect(() => loadTemplates(dir)).toThrow(/partials\/section\.hbs: unknown partial "itme"/);
  });

  it('accepts an extra partial a deployment adds', () => {
    const dir = copyTemplates();
    writeFileSync(join(dir, 'partials/footnote.hbs'), '<p>{{generatedText}}</p>');
    edit(dir, 'views/daily.hbs', (s) => `${s}{{> footnote}}\n`);
    const html = renderDigestHtml(fixtureModel(), loadTemplates(dir));
    expect(html.match(/Bản điểm tin do hệ thống/g)).toHaveLength(2);
  });

  it('refuses unescaped output of crawled text', () => {
    const dir = copyTemplates();
    edit(dir, 'partials/item.hbs', (s) => s.replace('{{item.summary}}', '{{{item.summary}}}'));
    expect(() => loadTemplates(dir)).toThrow(
      /partials\/item\.hbs: unescaped output "\{\{\{item\.summary\}\}\}"/,
    );
  });

  it('refuses helpers: templates only render', () => {
    const dir = copyTemplates();
    edit(dir, 'partials/header.hbs', (s) => `${s}{{lookup header "number"}}`);
    expect(() => loadTemplates(dir)).toThrow(/helper call "lookup"/);
  });

  it('names the file with a syntax error', () => {
    const dir = copyTemplates();
    edit(dir, 'partials/overview.hbs', (s) => `${s}{{#each x}}`);
    expect(() => loadTemplates(dir)).toThrow(/template .*partials\/overview\.hbs does not parse/);
  });

  it('fails loudly when a template names a field the model lacks', () => {
    const dir = copyTemplates();
    edit(dir, 'partials/header.hbs', (s) => `${s}{{header.subtitle}}`);
    const t = loadTemplates(dir);
    expect(() => renderDigestHtml(fixtureModel(), t)).toThrow(
      /^digest: rendering the daily bulletin failed/,
    );
  });
});

describe('loadTemplates layout slot', () => {
  it('fails at load when the layout does not include the view', () => {
    const dir = copyTemplates();
    edit(dir, 'layouts/bulletin.hbs', (s) => s.replace('{{> content}}', ''));
    expect(() => loadTemplates(dir)).toThrow(
      /layouts\/bulletin\.hbs: the layout must include the view/,
    );
  });
});
