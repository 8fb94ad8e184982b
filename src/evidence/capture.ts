// The crawl pass's evidence hook: open a sensitive article in Chromium and write its package.
import type { BrowserPool } from '../../crawlers/browser-pool.ts';
import type { EvidenceRecord } from '../store/evidence.ts';
import { writeEvidencePackage } from './package.ts';

export type EvidenceCapturerOptions = {
  pool: BrowserPool;
  dataDir: string;
  timeZone: string;
  userAgent: string;
};

/** `(articleUrl) => record`, for CrawlDeps.captureEvidence. */
export function createEvidenceCapturer(
  opts: EvidenceCapturerOptions,
): (articleUrl: string) => Promise<EvidenceRecord> {
  return async (articleUrl) => {
    const capture = await opts.pool.capture(articleUrl);
    return writeEvidencePackage({
      dataDir: opts.dataDir,
      timeZone: opts.timeZone,
      articleUrl,
      reason: 'sensitive',
      capture,
      userAgent: opts.userAgent,
    }).record;
  };
}
