import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_DIR, loadConfig } from '../../src/config/load.ts';
import { TOPIC_IDS } from '../../src/schema.ts';

/** A copy of the repo's config/ to break on purpose. */
function configCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-config-'));
  cpSync(DEFAULT_CONFIG_DIR, dir, { recursive: true });
  return dir;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

function loadError(dir: string): string {
  try {
    loadConfig({ dir, env: {} });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the repo config', () => {
  const c = loadConfig({ env: {} });

  it('loads with the Lâm Đồng profile and the 12 topics of the taxonomy', () => {
    expect(c.app.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(c.profile.name).toBe('Lâm Đồng');
    expect(c.profile.formerProvinces.map((p) => p.name)).toEqual(['Đắk Nông', 'Bình Thuận']);
    expect(c.topics.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    expect(c.sources.length).toBeGreaterThanOrEqual(5);
    expect(new Set(c.sources.map((s) => s.id)).size).toBe(c.sources.length);
  });

  it('lets the environment override the data paths', () => {
    const env = { DIEMTIN_DATA_DIR: '/srv/diemtin', DIEMTIN_DB: '/var/lib/dt.sqlite' };
    const o = loadConfig({ env });
    expect(o.paths.dataDir).toBe('/srv/diemtin');
    expect(o.paths.db).toBe('/var/lib/dt.sqlite');
    expect(loadConfig({ env: { DIEMTIN_DATA_DIR: '/srv/x' } }).paths.db).toBe(
      '/srv/x/diemtin.sqlite',
    );
  });

  it('reads the folder named by DIEMTIN_CONFIG_DIR', () => {
    const dir = configCopy();
    edit(path.join(dir, 'diemtin.yaml'), /place: Lâm Đồng/, 'place: Đà Lạt');
    expect(loadConfig({ env: { DIEMTIN_CONFIG_DIR: dir } }).app.bulletin.place).toBe('Đà Lạt');
  });
});

describe('an invalid config names the file and the key', () => {
  it('a bad cut-off time in diemtin.yaml', () => {
    const dir = configCopy();
    edit(path.join(dir, 'diemtin.yaml'), "daily: '06:00'", "daily: '25:00'");
    const msg = loadError(dir);
    expect(msg).toContain('diemtin.yaml');
    expect(msg).toContain('cutoffs.daily');
  });

  it('an unknown time zone', () => {
    const dir = configCopy();
    edit(path.join(dir, 'diemtin.yaml'), 'timeZone: Asia/Ho_Chi_Minh', 'timeZone: Asia/Saigonn');
    expect(loadError(dir)).toMatch(/diemtin\.yaml: timeZone/);
  });

  it('a misspelt key (strict schemas)', () => {
    const dir = configCopy();
    edit(path.join(dir, 'diemtin.yaml'), 'retries: 2', 'retires: 2');
    const msg = loadError(dir);
    expect(msg).toContain('diemtin.yaml');
    expect(msg).toContain('retires');
  });

  it('a source with a bad category, by list index', () => {
    const dir = configCopy();
    edit(
      path.join(dir, 'sources', 'central-press.yaml'),
      'category: central-press',
      'category: press',
    );
    const msg = loadError(dir);
    expect(msg).toContain(path.join('sources', 'central-press.yaml'));
    expect(msg).toContain('sources.0.category');
  });

  it('a topic id that is not in the taxonomy', () => {
    const dir = configCopy();
    edit(path.join(dir, 'topics.yaml'), 'id: bien-gioi', 'id: bien-gioi-x');
    const msg = loadError(dir);
    expect(msg).toContain('topics.yaml');
    expect(msg).toContain('topics.0.id');
  });

  it('broken YAML', () => {
    const dir = configCopy();
    writeFileSync(path.join(dir, 'topics.yaml'), 'topics: [\n  - id: x\n');
    expect(loadError(dir)).toMatch(/topics\.yaml: invalid YAML/);
  });

  it('a missing file', () => {
    const dir = configCopy();
    rmSync(path.join(dir, 'topics.yaml'));
    expect(loadError(dir)).toMatch(/topics\.yaml: file not found/);
  });

  it('a duplicate source id across files', () => {
    const dir = configCopy();
    writeFileSync(
      path.join(dir, 'sources', 'zz-extra.yaml'),
      'sources:\n  - { id: vnexpress, name: X, domain: x.vn, category: central-press, feeds: ["https://x.vn/rss"] }\n',
    );
    expect(loadError(dir)).toContain('duplicate source id "vnexpress"');
  });

  it('a profile that does not exist lists the known ones', () => {
    const dir = configCopy();
    edit(path.join(dir, 'diemtin.yaml'), 'profile: lam-dong', 'profile: da-lat');
    const msg = loadError(dir);
    expect(msg).toContain('"da-lat"');
    expect(msg).toContain('lam-dong');
  });
});
