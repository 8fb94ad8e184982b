// The four generated profiles: up to date with the admin tables and the overlays (a hand edit
// of a generated file fails here), valid, and every place and spelling found by locate.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/config/load.ts';
import { buildProfiles, readAdminTables } from '../../src/profiles/io.ts';
import { compileProfile, locate } from '../../pipeline/locate.ts';

const ADMIN = path.resolve(process.cwd(), '../shared/data/admin');
const CONFIG = path.resolve(process.cwd(), 'config');
const OUT = path.join(CONFIG, 'provinces');
const IDS = ['lam-dong', 'gia-lai', 'tuyen-quang', 'bac-ninh'];

describe('generated profiles are up to date', () => {
  if (!existsSync(ADMIN)) console.log(`generated-files: ${ADMIN} not found; check skipped`);
  it.runIf(existsSync(ADMIN))(
    'regenerating in memory reproduces each file byte for byte',
    () => {
      const built = buildProfiles(readAdminTables(ADMIN), OUT, IDS);
      for (const b of built) {
        const onDisk = readFileSync(b.file, 'utf8');
        expect(onDisk, `${b.id}.yaml differs: run npx diemtin profiles build`).toBe(b.yaml);
      }
    },
    30_000,
  );
});

describe.each(IDS)('%s: every place and spelling is found', (id) => {
  const profile = loadProfile(CONFIG, id);
  const compiled = compileProfile(profile);
  // The province name next to the place, so an ambiguous place counts too.
  const found = (spelling: string) =>
    locate(
      { title: '', sapo: '', body: `Tin từ ${spelling}, tỉnh ${profile.name}.` },
      compiled,
    ).mentions.map((m) => m.name);

  it('has the expected shape', () => {
    expect(profile.places.length).toBeGreaterThan(100);
    expect(profile.places.filter((p) => p.kind === 'commune').length).toBeGreaterThan(40);
  });

  it('finds each place by its name and by each of its variants', () => {
    const missing: string[] = [];
    for (const p of profile.places) {
      for (const s of [p.name, ...p.variants]) {
        if (!found(s).includes(p.name)) missing.push(`${p.name} (as "${s}")`);
      }
    }
    for (const f of profile.formerProvinces) {
      for (const s of [f.name, ...f.variants]) {
        if (!found(s).includes(f.name)) missing.push(`${f.name} (as "${s}")`);
      }
    }
    expect(missing).toEqual([]);
  });
});
