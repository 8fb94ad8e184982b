// The edges of the generator: read the admin CSVs and the overlays, write the YAML profiles.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ProvinceProfile } from '../config/province.ts';
import { readYamlFile } from '../config/load.ts';
import { ADMIN_FILES, parseAdminTables, type AdminTables, type AdminTexts } from './admin.ts';
import { countPlaces, generateProfile, toProfileInput, type PlaceCounts } from './generate.ts';
import { EMPTY_OVERLAY, Overlay } from './overlay.ts';
import { renderProfileYaml } from './render.ts';

export function readAdminTables(dir: string): AdminTables {
  const texts = {} as AdminTexts;
  for (const [k, file] of Object.entries(ADMIN_FILES) as [keyof AdminTexts, string][]) {
    const full = path.join(dir, file);
    try {
      texts[k] = readFileSync(full, 'utf8');
    } catch (err) {
      throw new Error(`profiles: cannot read ${full}`, { cause: err });
    }
  }
  return parseAdminTables(texts);
}

/** config/provinces/overlays/<id>.yaml, or an empty overlay when there is none. */
export function readOverlay(outDir: string, id: string): Overlay {
  const file = overlayFile(outDir, id);
  return existsSync(file) ? readYamlFile(file, Overlay) : EMPTY_OVERLAY;
}

export const overlayFile = (outDir: string, id: string): string =>
  path.join(outDir, 'overlays', `${id}.yaml`);

/** The profiles that have an overlay: the default set to build. */
export function overlayIds(outDir: string): string[] {
  const dir = path.join(outDir, 'overlays');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

export type BuiltProfile = {
  id: string;
  file: string;
  yaml: string;
  report: string[];
  counts: PlaceCounts;
};

/** Builds profiles in memory; `outDir` is where they go and where overlays/ is read. */
export function buildProfiles(
  tables: AdminTables,
  outDir: string,
  ids: readonly string[],
): BuiltProfile[] {
  const repo = process.cwd();
  return ids.map((id) => {
    const g = generateProfile(tables, id, readOverlay(outDir, id));
    // The schema is the contract: a generated profile that breaks it is a generator bug.
    const parsed = ProvinceProfile.safeParse(toProfileInput(g));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`profiles: ${id}: ${first?.path.join('.')}: ${first?.message}`);
    }
    const rel = (p: string) => path.relative(repo, p) || '.';
    const yaml = renderProfileYaml(g, {
      sources: Object.values(ADMIN_FILES),
      overlay: rel(overlayFile(outDir, id)),
      command: `npx diemtin profiles build --admin ../shared/data/admin --province ${id}`,
    });
    return {
      id,
      file: path.join(outDir, `${id}.yaml`),
      yaml,
      report: g.report,
      counts: countPlaces(g),
    };
  });
}

export function writeProfiles(built: readonly BuiltProfile[]): void {
  for (const b of built) writeFileSync(b.file, b.yaml);
}
