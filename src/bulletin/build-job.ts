// `diemtin digest build` with the workflow around it: a sent or signed bulletin is refused
// before anything is rebuilt; otherwise the digest job (re)builds the window's digest and the
// bulletin records a draft (first build) or a rebuild (the editor's edits are kept).
import type { Config } from '../config/load.ts';
import type { DigestRequest } from '../jobs/digest-job.ts';
import type { BulletinRecord, Store, StoredDigest } from '../store/index.ts';
import { checkRebuild, recordBuild } from './service.ts';
import { eventTime, type Actor } from './workflow.ts';

export const BULLETIN_PERIODS = ['daily', 'weekly', 'monthly', 'custom'] as const;
export type BulletinPeriod = (typeof BULLETIN_PERIODS)[number];

/** How one period's digest is found and built; the digest job supplies it. */
export interface DigestBuilder {
  /** The window's digest before building, if it was built before. */
  existing(): StoredDigest | null;
  /** Builds (or rebuilds in place) and returns the stored digest and the file written. */
  build(): { digest: StoredDigest; file: string };
}

export interface BuiltBulletin {
  digest: StoredDigest;
  record: BulletinRecord;
  file: string;
  rebuilt: boolean;
}

export function buildBulletin(opts: {
  store: Store;
  config: Config;
  builder: DigestBuilder;
  actor: Actor;
  now: Date;
}): BuiltBulletin {
  const { store, config, actor } = opts;
  const at = eventTime(opts.now, config.app.timeZone);
  const before = opts.builder.existing();
  checkRebuild(store, before?.id ?? null, actor, config.app.workflow, at);
  const { digest, file } = opts.builder.build();
  const record = recordBuild(store, digest.id, actor, config.app.workflow, at);
  return { digest, record, file, rebuilt: before !== null };
}

/** The digest builder of one bulletin request (src/jobs/digest-job.ts does the work). */
export async function digestBuilderFor(opts: {
  request: DigestRequest;
  config: Config;
  store: Store;
  outDir: string;
  now: Date;
}): Promise<DigestBuilder> {
  const { config, store, request } = opts;
  // Loaded here, not at start-up: handlebars and the templates.
  const { buildDigestFile, resolvePeriod } = await import('../jobs/digest-job.ts');
  const { kind, window } = resolvePeriod(request, config.app, opts.now);
  const existing = (): StoredDigest | null =>
    store.findDigestForWindow(kind, window.start, window.end);
  return {
    existing,
    build: () => {
      const built = buildDigestFile({ config, store, request, outDir: opts.outDir, now: opts.now });
      const digest = existing();
      if (!digest) throw new Error(`digest: the ${kind} digest ${built.number} was not stored`);
      return { digest, file: built.file };
    },
  };
}
