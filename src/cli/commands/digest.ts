// `diemtin digest build|show|edit|approve|send|deliveries`: the bulletin from generation to
// delivery. Every change names its user (--as or DIEMTIN_USER) and is recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { EditOp, EditableSection } from '../../bulletin/edits.ts';
import { EDITABLE_SECTIONS } from '../../bulletin/edits.ts';
import { BULLETIN_FORMATS, type BulletinFormat } from '../../bulletin/renderer.ts';
import { SYSTEM_ACTOR } from '../../bulletin/workflow.ts';
import type { DigestModel } from '../../digest/model.ts';
import { UserError } from '../errors.ts';
import {
  asOption,
  collect,
  isoDay,
  positiveInt,
  storeOptions,
  withContext,
  type StoreOptions,
} from './bulletin-context.ts';

function parseFormats(value: string | undefined): BulletinFormat[] {
  if (value === undefined) return [];
  const list = value
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  for (const f of list) {
    if (!BULLETIN_FORMATS.includes(f as BulletinFormat)) {
      throw new UserError(`digest: --format takes ${BULLETIN_FORMATS.join(', ')}; got "${f}"`);
    }
  }
  return [...new Set(list)] as BulletinFormat[];
}

async function writeFormats(
  model: DigestModel,
  formats: BulletinFormat[],
  outDir: string,
  base: string,
): Promise<string[]> {
  if (formats.length === 0) return [];
  const { renderFormats } = await import('../../bulletin/renderer.ts');
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const [f, bytes] of await renderFormats(model, formats)) {
    const file = path.resolve(outDir, `${base}.${f}`);
    writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}

/** CLI output is English: "in_review" → "in review" (the Vietnamese labels are for the UI). */
function statusText(status: string): string {
  return status.replaceAll('_', ' ');
}

function bulletinId(value: string): number {
  return positiveInt('digest: the bulletin id', value);
}

function buildCommand(): Command {
  return asOption(
    storeOptions(
      new Command('build')
        .description('build (or rebuild) the bulletin of one period from the stored articles')
        .addOption(
          new Option('--period <period>', 'which bulletin')
            .choices(['daily', 'weekly', 'monthly', 'custom'])
            .default('daily'),
        )
        .option(
          '--date <YYYY-MM-DD>',
          "the bulletin's date: its window ends at the latest cut-off on or before it",
        )
        .option('--from <YYYY-MM-DD>', 'custom period: first day (inclusive)')
        .option('--to <YYYY-MM-DD>', 'custom period: last day (inclusive)')
        .option(
          '--label <text>',
          'custom period: the period in the title, e.g. "6 tháng đầu năm 2026"',
        )
        .option('--out <dir>', 'folder to write the files into', 'out')
        .option('--format <list>', 'also write these formats (html,pdf,docx), edits applied'),
    ),
  )
    .addHelpText(
      'after',
      '\nWindows end at the cut-offs of diemtin.yaml (Asia/Ho_Chi_Minh): daily, the cut-off of\n' +
        '--date back to the one of the day before; weekly, the last weekly cut-off on or before\n' +
        '--date (e.g. Thursday 15:00) back one week; monthly, the last monthly cut-off on or before\n' +
        '--date (e.g. the 1st 06:00) back one month; custom, --from 00:00 to the end of --to.\n' +
        'The first build makes a draft; a rebuild\n' +
        "keeps the number and the editor's edits, and is refused once the bulletin is signed or sent.\n" +
        'Without --as the build is recorded as the scheduler (system).\n\n' +
        'Examples:\n  diemtin digest build --period daily --date 2026-11-20 --out out\n' +
        '  diemtin digest build --period monthly --date 2026-12-01 --format html,pdf,docx\n' +
        '  diemtin digest build --period custom --from 2026-01-01 --to 2026-06-30 \\\n' +
        '    --label "6 tháng đầu năm 2026"',
    )
    .action(
      async (
        opts: StoreOptions & {
          period: 'daily' | 'weekly' | 'monthly' | 'custom';
          date?: string;
          from?: string;
          to?: string;
          label?: string;
          out: string;
          format?: string;
        },
      ) => {
        for (const [name, v] of [
          ['--date', opts.date],
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const) {
          if (v !== undefined) isoDay(`digest: ${name}`, v);
        }
        if (opts.period === 'custom' ? !opts.from || !opts.to : !opts.date) {
          throw new UserError(
            opts.period === 'custom'
              ? 'digest: a custom bulletin needs --from and --to'
              : `digest: the ${opts.period} bulletin needs --date`,
            // A missing option is a usage error, like commander's own (exit 2).
            { exitCode: 2 },
          );
        }
        const request = {
          period: opts.period,
          ...(opts.date === undefined ? {} : { date: opts.date }),
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
          ...(opts.label === undefined ? {} : { periodLabel: opts.label }),
        };
        const formats = parseFormats(opts.format);
        await withContext(opts, async (ctx) => {
          const actor = (opts.as ?? process.env.DIEMTIN_USER) ? ctx.actor() : SYSTEM_ACTOR;
          const { buildBulletin, digestBuilderFor } = await import('../../bulletin/build-job.ts');
          const now = new Date();
          const outDir = path.resolve(opts.out);
          const builder = await digestBuilderFor({
            request,
            config: ctx.config,
            store: ctx.store,
            outDir,
            now,
          });
          const built = buildBulletin({
            store: ctx.store,
            config: ctx.config,
            builder,
            actor,
            now,
          });
          const { loadBulletin } = await import('../../bulletin/service.ts');
          const loaded = loadBulletin(ctx.store, built.digest.id);
          const files = await writeFormats(
            loaded.model,
            formats,
            outDir,
            path.basename(built.file, '.html'),
          );
          console.log(
            `${built.digest.number}: bulletin ${built.digest.id}, ${statusText(built.record.status)}` +
              `${built.rebuilt ? ' (rebuilt, edits kept)' : ''}, ${loaded.model.overview.articleCount} articles → ${built.file}`,
          );
          for (const f of files) console.log(`  ${f}`);
          if (loaded.staleKeys.length > 0) {
            console.log(
              `  edits naming items no longer in the bulletin: ${loaded.staleKeys.join(', ')}`,
            );
          }
        });
      },
    );
}

function showCommand(): Command {
  return storeOptions(
    new Command('show')
      .description('list bulletins, or show one: status, signatures, history, items and their keys')
      .argument('[id]', 'bulletin id (from `digest build` or the list)')
      .option('--json', 'print as JSON')
      .option('--format <list>', 'write these formats (html,pdf,docx), edits applied')
      .option('--out <dir>', 'folder for --format', 'out'),
  ).action(
    async (
      idArg: string | undefined,
      opts: StoreOptions & { json?: boolean; format?: string; out: string },
    ) => {
      const formats = parseFormats(opts.format);
      await withContext(opts, async (ctx) => {
        if (idArg === undefined) {
          const rows = ctx.store
            .bulletins()
            .list()
            .map((b) => {
              const d = ctx.store.getDigest(b.digestId);
              return {
                id: b.digestId,
                number: d?.number ?? '',
                period: d?.period ?? '',
                status: b.status,
                updatedAt: b.updatedAt,
              };
            });
          if (opts.json) console.log(JSON.stringify(rows, null, 2));
          else if (rows.length === 0) console.log('no bulletins yet (diemtin digest build …)');
          else
            for (const r of rows)
              console.log(
                `${String(r.id).padStart(5)}  ${r.period.padEnd(8)} ${r.number.padEnd(22)} ${statusText(r.status)}`,
              );
          return;
        }
        const id = bulletinId(idArg);
        const { loadBulletin } = await import('../../bulletin/service.ts');
        const b = loadBulletin(ctx.store, id);
        const events = ctx.store.bulletins().events(id);
        const outbox = ctx.store.outbox().list(id);
        if (opts.json) {
          console.log(
            JSON.stringify(
              { record: b.record, events, outbox, staleKeys: b.staleKeys, model: b.model },
              null,
              2,
            ),
          );
        } else {
          const m = b.model;
          const lines = [
            `${m.header.number} — ${m.header.title} (${b.digest.period}), ${m.header.windowText}`,
            `status: ${statusText(b.record.status)}, version ${b.record.version}`,
            ...b.record.approvals.map(
              (a) => `  signed level ${a.level} (${a.title}) by ${a.userId} at ${a.at}`,
            ),
            'history:',
            ...events.map(
              (e) =>
                `  ${e.at}  ${e.userId.padEnd(12)} ${e.action}${e.level !== null ? ` level ${e.level}` : ''}: ${e.from ?? '—'} → ${e.to}${e.note ? ` (${e.note})` : ''}`,
            ),
            'items (key  title):',
            ...(['highlights', 'positive'] as const).flatMap((s) => [
              `  [${s}] ${m[s].heading}`,
              ...m[s].items.map((i) => `    ${i.key}  ${i.title}`),
            ]),
            `  [attention] ${m.attention.heading}`,
            ...m.attention.groups.flatMap((g) => [
              `    ${g.label}:`,
              ...g.items.map((i) => `      ${i.key}  ${i.title}`),
            ]),
            `proposals:`,
            ...m.proposals.lines.map((l) => `  - ${l}`),
            ...(b.staleKeys.length > 0
              ? [`edits naming items no longer present: ${b.staleKeys.join(', ')}`]
              : []),
            ...(outbox.length > 0
              ? [
                  'deliveries:',
                  ...outbox.map(
                    (r) =>
                      `  ${String(r.id).padStart(4)} ${r.status.padEnd(10)} ${r.address} (${r.position}), ${r.attempts} attempt(s)${r.lastError ? `: ${r.lastError}` : ''}`,
                  ),
                ]
              : []),
          ];
          console.log(lines.join('\n'));
        }
        const files = await writeFormats(
          b.model,
          formats,
          path.resolve(opts.out),
          `diemtin-${b.digest.period}-${id}`,
        );
        for (const f of files) console.log(`wrote ${f}`);
      });
    },
  );
}

function keyValue(what: string, v: string): [string, string] {
  const i = v.indexOf('=');
  if (i <= 0 || i === v.length - 1)
    throw new UserError(`digest: ${what} takes KEY=TEXT, got "${v}"`);
  return [v.slice(0, i), v.slice(i + 1)];
}

function editCommand(): Command {
  return asOption(
    storeOptions(
      new Command('edit')
        .description('review a bulletin: pin, drop, reorder items, rewrite summaries and proposals')
        .argument('<id>', 'bulletin id')
        .option('--pin <key>', 'show this item first in "Tin nổi bật" (repeatable)', collect, [])
        .option('--unpin <key>', 'undo --pin (repeatable)', collect, [])
        .option('--drop <key>', 'remove this item from the bulletin (repeatable)', collect, [])
        .option('--restore <key>', 'undo --drop (repeatable)', collect, [])
        .option(
          '--order <section=k1,k2>',
          `put these keys first in a section (${EDITABLE_SECTIONS.join(', ')})`,
          collect,
          [],
        )
        .option('--summary <key=text>', 'replace the summary of an item (repeatable)', collect, [])
        .option(
          '--handling <key=text>',
          'replace the proposed handling of an item (repeatable)',
          collect,
          [],
        )
        .option(
          '--proposal <text>',
          'the proposals (đề xuất), replacing the generated ones (repeatable)',
          collect,
          [],
        )
        .option('--generated-proposals', 'go back to the generated proposals')
        .option('--submit', 'only move a draft into review (no edits)')
        .option(
          '--reopen [reason]',
          'return a signed or approved bulletin to review (clears signatures)',
        ),
    ),
  ).action(
    async (
      idArg: string,
      opts: StoreOptions & {
        pin: string[];
        unpin: string[];
        drop: string[];
        restore: string[];
        order: string[];
        summary: string[];
        handling: string[];
        proposal: string[];
        generatedProposals?: boolean;
        submit?: boolean;
        reopen?: string | boolean;
      },
    ) => {
      const id = bulletinId(idArg);
      const ops: EditOp[] = [
        ...opts.pin.map((key): EditOp => ({ op: 'pin', key })),
        ...opts.unpin.map((key): EditOp => ({ op: 'unpin', key })),
        ...opts.drop.map((key): EditOp => ({ op: 'drop', key })),
        ...opts.restore.map((key): EditOp => ({ op: 'restore', key })),
        ...opts.order.map((v): EditOp => {
          const [section, keys] = keyValue('--order', v);
          if (!EDITABLE_SECTIONS.includes(section as EditableSection)) {
            throw new UserError(
              `digest: --order section must be one of ${EDITABLE_SECTIONS.join(', ')}; got "${section}"`,
            );
          }
          return {
            op: 'order',
            section: section as EditableSection,
            keys: keys
              .split(',')
              .map((k) => k.trim())
              .filter(Boolean),
          };
        }),
        ...opts.summary.map((v): EditOp => {
          const [key, text] = keyValue('--summary', v);
          return { op: 'summary', key, text };
        }),
        ...opts.handling.map((v): EditOp => {
          const [key, text] = keyValue('--handling', v);
          return { op: 'handling', key, text };
        }),
        ...(opts.proposal.length > 0 ? [{ op: 'proposals', lines: opts.proposal } as EditOp] : []),
        ...(opts.generatedProposals ? [{ op: 'proposals', lines: null } as EditOp] : []),
      ];
      await withContext(opts, async (ctx) => {
        const actor = ctx.actor();
        const { act, editBulletin } = await import('../../bulletin/service.ts');
        const settings = ctx.config.app.workflow;
        if (opts.reopen !== undefined) {
          const reason = typeof opts.reopen === 'string' ? opts.reopen : undefined;
          act(
            ctx.store,
            id,
            { type: 'reopen', ...(reason ? { reason } : {}) },
            actor,
            settings,
            ctx.at(),
          );
        }
        if (ops.length === 0) {
          if (opts.submit) act(ctx.store, id, { type: 'submit' }, actor, settings, ctx.at());
          else if (opts.reopen === undefined)
            throw new UserError('digest: edit: nothing to do (see --help)');
        } else {
          const { staleKeys } = editBulletin(ctx.store, id, ops, actor, settings, ctx.at());
          if (staleKeys.length > 0)
            console.log(`edits naming items no longer present: ${staleKeys.join(', ')}`);
        }
        const rec = ctx.store.bulletins().get(id);
        console.log(`bulletin ${id}: ${rec ? statusText(rec.status) : '?'}`);
      });
    },
  );
}

function approveCommand(): Command {
  return asOption(
    storeOptions(
      new Command('approve')
        .description('sign the next approval level of a bulletin in review')
        .argument('<id>', 'bulletin id')
        .option('--level <n>', 'the level to sign (default: the next one)'),
    ),
  ).action(async (idArg: string, opts: StoreOptions & { level?: string }) => {
    const id = bulletinId(idArg);
    const level = opts.level === undefined ? undefined : positiveInt('digest: --level', opts.level);
    await withContext(opts, async (ctx) => {
      const { act } = await import('../../bulletin/service.ts');
      const rec = act(
        ctx.store,
        id,
        { type: 'approve', ...(level !== undefined ? { level } : {}) },
        ctx.actor(),
        ctx.config.app.workflow,
        ctx.at(),
      );
      const last = rec.approvals[rec.approvals.length - 1];
      console.log(
        `bulletin ${id}: level ${last?.level ?? '?'} signed; ${rec.approvals.length}/${ctx.config.app.workflow.approvals.length} levels, ${statusText(rec.status)}`,
      );
    });
  });
}

function sendCommand(): Command {
  return asOption(
    storeOptions(
      new Command('send')
        .description('archive an approved bulletin and deliver it to the recipients by SMTP')
        .argument('<id>', 'bulletin id')
        .option('--retry-for <minutes>', 'while SMTP is down, keep retrying this long', '0'),
    ),
  )
    .addHelpText(
      'after',
      '\nRunning it again is safe: a sent bulletin is never rendered again, and each recipient\n' +
        'gets one message (the outbox key is bulletin + address). SMTP settings: diemtin.yaml mail;\n' +
        'the password comes from the environment variable named by mail.smtp.auth.passwordEnv.\n' +
        'Exit 75 when some delivery is still pending, given up or unknown (run it again later).',
    )
    .action(async (idArg: string, opts: StoreOptions & { retryFor: string }) => {
      const id = bulletinId(idArg);
      const minutes = Number(opts.retryFor);
      if (!Number.isFinite(minutes) || minutes < 0) {
        throw new UserError(`digest: --retry-for must be minutes >= 0, got "${opts.retryFor}"`);
      }
      await withContext(opts, async (ctx) => {
        const actor = ctx.actor();
        const { sendBulletin } = await import('../../bulletin/send-job.ts');
        // Loaded only when a first send renders; a re-run delivers the archive.
        const render = async (model: DigestModel) =>
          (await (await import('../../bulletin/renderer.ts')).loadRenderer())(model);
        const result = await sendBulletin({
          store: ctx.store,
          app: ctx.config.app,
          dataDir: ctx.config.paths.dataDir,
          digestId: id,
          actor,
          render,
          ...(minutes > 0 ? { until: new Date(Date.now() + minutes * 60_000) } : {}),
          onEvent: (e) => {
            if (e.type === 'sent') console.log(`  sent to ${e.row.address} (${e.row.position})`);
            if (e.type === 'failed') {
              console.log(
                `  failed for ${e.row.address}: ${e.error}${e.retryAt ? `; retry at ${e.retryAt.toISOString()}` : '; given up'}`,
              );
            }
            if (e.type === 'recovered') {
              console.log(
                `  after an interrupted run: ${e.interrupted} to send again, ${e.unknown} left for an operator (digest deliveries)`,
              );
            }
          },
        });
        const d = result.delivery;
        console.log(
          `bulletin ${id}: ${result.renderedNow ? `archived in ${result.record.archive?.dir ?? '?'}; ` : ''}` +
            `${d.sent} sent, ${d.pending} pending, ${d.gaveUp} given up, ${d.unknown} unknown`,
        );
        const open = d.pending + d.gaveUp + d.unknown;
        if (open > 0) {
          // A scheduler sees the bulletin is not delivered yet (75 = EX_TEMPFAIL).
          throw new UserError(
            `digest: bulletin ${id}: ${open} deliveries not confirmed; run \`diemtin digest send ${id}\` again or see \`diemtin digest deliveries ${id}\``,
            { exitCode: 75 },
          );
        }
      });
    });
}

function deliveriesCommand(): Command {
  return asOption(
    storeOptions(
      new Command('deliveries')
        .description("a bulletin's deliveries and their log; resolve an unknown or failed one")
        .argument('<id>', 'bulletin id')
        .option('--resolve <row=how>', 'ROW=resend (send again) or ROW=delivered (it arrived)'),
    ),
  )
    .addHelpText(
      'after',
      '\n"unknown": the sending run stopped after the message was complete but before the server\n' +
        'answered. It may have arrived; it is never sent again unless you say so (--resolve N=resend).',
    )
    .action(async (idArg: string, opts: StoreOptions & { resolve?: string }) => {
      const id = bulletinId(idArg);
      await withContext(opts, (ctx) => {
        if (opts.resolve !== undefined) {
          const [row, how] = keyValue('--resolve', opts.resolve);
          if (how !== 'resend' && how !== 'delivered') {
            throw new UserError(
              `digest: --resolve takes ROW=resend or ROW=delivered, got "${opts.resolve}"`,
            );
          }
          const rowId = positiveInt('digest: the delivery row', row);
          if (ctx.store.outbox().get(rowId)?.digestId !== id) {
            throw new UserError(`digest: bulletin ${id} has no delivery row ${rowId}`);
          }
          const r = ctx.store.outbox().resolve(rowId, how, ctx.actor().id, new Date());
          console.log(
            `row ${rowId}: ${r.status}${how === 'resend' ? ' (run digest send to deliver)' : ''}`,
          );
          return;
        }
        for (const r of ctx.store.outbox().list(id)) {
          console.log(
            `${String(r.id).padStart(4)} ${r.status.padEnd(10)} ${r.address} (${r.position}) ${r.messageId}`,
          );
          for (const l of ctx.store.outbox().log(r.id)) {
            console.log(
              `       #${l.attempt} ${l.startedAt} ${l.outcome}${l.detail ? `: ${l.detail}` : ''}`,
            );
          }
        }
      });
    });
}

export function digestCommand(): Command {
  const digest = new Command('digest').description(
    'build, review, approve and send the điểm tin bulletin',
  );
  digest.addCommand(buildCommand());
  digest.addCommand(showCommand());
  digest.addCommand(editCommand());
  digest.addCommand(approveCommand());
  digest.addCommand(sendCommand());
  digest.addCommand(deliveriesCommand());
  return digest;
}
