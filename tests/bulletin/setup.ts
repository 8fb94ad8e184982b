// Shared set-up of the workflow and delivery tests: a store in a temporary folder holding the
// digest fixture's bulletin, the deployment config with users, two approval levels and mail,
// and a small renderer standing in for src/render.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppConfig } from '../../src/config/app.ts';
import type { RenderedBulletin } from '../../src/bulletin/archive.ts';
import { act, recordBuild } from '../../src/bulletin/service.ts';
import { SYSTEM_ACTOR, resolveUser } from '../../src/bulletin/workflow.ts';
import type { DigestModel } from '../../src/digest/model.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { config as digestConfig, fixtureModel } from '../digest/fixture.ts';

export const AT = '2026-11-20T06:30:00+07:00';

export const RECIPIENTS = [
  { position: 'Thường trực Tỉnh ủy', address: 'thuongtruc.tu@example.gov.vn' },
  { position: 'Chủ tịch UBND tỉnh', address: 'chutich@example.gov.vn' },
  { position: 'Công an tỉnh', address: 'congan@example.gov.vn' },
];

export function testConfig(smtpPort = 2525): AppConfig {
  return AppConfig.parse({
    ...digestConfig,
    users: [
      { id: 'bientap', name: 'Biên tập viên', roles: ['editor'] },
      { id: 'truongphong', name: 'Trưởng phòng', roles: ['editor', 'approver'], levels: [1] },
      { id: 'giamdoc', name: 'Giám đốc Sở', roles: ['approver'], levels: [2] },
    ],
    workflow: {
      approvals: [
        { level: 1, title: 'Trưởng phòng Thông tin – Báo chí' },
        { level: 2, title: 'Lãnh đạo Sở' },
      ],
    },
    mail: {
      from: 'Sở VHTTDL Lâm Đồng <diemtin@svhttdl.example.gov.vn>',
      smtp: { host: '127.0.0.1', port: smtpPort, secure: false },
      recipients: RECIPIENTS,
      retry: { baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 50 },
    },
  });
}

export function tempStore(): { dir: string; file: string; store: Store } {
  const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-bulletin-'));
  const file = path.join(dir, 'diemtin.sqlite');
  return { dir, file, store: openStore(file) };
}

/** Stores the fixture's daily digest and its draft; returns the digest id. */
export function draftBulletin(
  store: Store,
  app: AppConfig,
  model: DigestModel = fixtureModel(),
): number {
  const id = store.saveDigest({
    period: 'daily',
    year: 2026,
    seq: store.nextDigestSeq('daily', 2026),
    number: model.header.number,
    windowStart: model.window.start,
    windowEnd: model.window.end,
    createdAt: new Date('2026-11-19T23:05:00Z'),
    html: '<html></html>',
    model,
  });
  recordBuild(store, id, SYSTEM_ACTOR, app.workflow, AT);
  return id;
}

/** A draft taken through review and both approval levels. */
export function approvedBulletin(store: Store, app: AppConfig): number {
  const id = draftBulletin(store, app);
  const user = (u: string) => resolveUser(app.users, u);
  act(store, id, { type: 'submit' }, user('bientap'), app.workflow, AT);
  act(store, id, { type: 'approve' }, user('truongphong'), app.workflow, AT);
  act(store, id, { type: 'approve' }, user('giamdoc'), app.workflow, AT);
  return id;
}

/** A one-page PDF with correct cross-reference offsets: small, and valid for any reader. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Stands in for src/render: enough structure for the e-mail and archive checks. */
export function testRender(model: DigestModel): Promise<RenderedBulletin> {
  const titles = model.highlights.items.map((i) => i.title);
  return Promise.resolve({
    html: `<!doctype html><html><body><h1>${model.header.title}</h1><p>${model.header.number}</p></body></html>`,
    email: {
      subject: `${model.header.title} ${model.header.number}`,
      html: `<html><body><h1>${model.header.title}</h1><img src="cid:chart@diemtin"><ul>${titles.map((t) => `<li>${t}</li>`).join('')}</ul></body></html>`,
      text: `${model.header.title}\n${model.header.number}\n${titles.map((t) => `- ${t}`).join('\n')}\n`,
      attachments: [
        {
          filename: 'bieu-do.png',
          content: Buffer.from('89504e470d0a1a0a', 'hex'),
          contentType: 'image/png',
          cid: 'chart@diemtin',
        },
      ],
    },
    pdf: tinyPdf(),
    docx: Buffer.from('PK docx stand-in'),
  });
}
