// Every site rule, in fingerprint priority order (a tie on the markup fingerprint goes to the
// earlier rule). Each rule has a fixture in tests/fixtures/extract/<id>/ (and each older
// layout one in <id>@<validUntil>/); the fixture test fails for a rule without one.
import type { SiteRule } from '../site-rule.ts';
import { baochinhphu } from './baochinhphu.ts';
import { baodautu } from './baodautu.ts';
import { baogialai } from './baogialai.ts';
import { baolamdong } from './baolamdong.ts';
import { bbcVietnamese } from './bbc-vietnamese.ts';
import { bienphong } from './bienphong.ts';
import { cafef } from './cafef.ts';
import { cand } from './cand.ts';
import { dantri } from './dantri.ts';
import { gialaiGov } from './gialai-gov.ts';
import { lamdongGov } from './lamdong-gov.ts';
import { nhandan } from './nhandan.ts';
import { nld } from './nld.ts';
import { qdnd } from './qdnd.ts';
import { rfa } from './rfa.ts';
import { sggp } from './sggp.ts';
import { thanhnien } from './thanhnien.ts';
import { tienphong } from './tienphong.ts';
import { tuoitre } from './tuoitre.ts';
import { vietnamnet } from './vietnamnet.ts';
import { vietnamplus } from './vietnamplus.ts';
import { vnexpress } from './vnexpress.ts';
import { voa } from './voa.ts';
import { vov } from './vov.ts';
import { vtv } from './vtv.ts';
import { znews } from './znews.ts';

export const SITE_RULES: readonly SiteRule[] = [
  // National press.
  vnexpress,
  dantri,
  vietnamnet,
  vietnamplus,
  nhandan,
  tienphong,
  sggp,
  znews,
  // Provincial press and portals; before the VCCorp group: their fingerprints start with the
  // outlet name, more specific than a CMS shape.
  baolamdong,
  baogialai,
  lamdongGov,
  gialaiGov,
  // VCCorp CMS outlets.
  tuoitre,
  thanhnien,
  nld,
  baochinhphu,
  cafef,
  vtv,
  // Other templates.
  cand,
  qdnd,
  bienphong,
  vov,
  baodautu,
  // Vietnamese-language outlets abroad.
  bbcVietnamese,
  rfa,
  voa,
];
