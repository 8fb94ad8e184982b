// Every site rule, in fingerprint priority order (a tie on the markup fingerprint goes to the
// earlier rule). Each rule has a fixture in tests/fixtures/extract/<id>/; the fixture test
// fails for a rule without one.
import type { SiteRule } from '../site-rule.ts';
import { baochinhphu } from './baochinhphu.ts';
import { baolamdong } from './baolamdong.ts';
import { bbcVietnamese } from './bbc-vietnamese.ts';
import { dantri } from './dantri.ts';
import { nld } from './nld.ts';
import { thanhnien } from './thanhnien.ts';
import { tuoitre } from './tuoitre.ts';
import { vietnamnet } from './vietnamnet.ts';
import { vietnamplus } from './vietnamplus.ts';
import { vnexpress } from './vnexpress.ts';

export const SITE_RULES: readonly SiteRule[] = [
  vnexpress,
  dantri,
  vietnamnet,
  vietnamplus,
  // Before the VCCorp group: its fingerprint is the outlet name, more specific than a CMS.
  baolamdong,
  tuoitre,
  thanhnien,
  nld,
  baochinhphu,
  bbcVietnamese,
];
