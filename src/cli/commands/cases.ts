// `diemtin cases open|update|close|list`: follow-up cases (theo dõi xử lý). A case opened from
// an item shows in every bulletin until it is closed; every change is kept with who and when.
import { Command, Option } from 'commander';
import { CASE_STATUSES, type CaseStatus, type FollowUpCase } from '../../digest/follow-up.ts';
import type { CasePatch } from '../../store/index.ts';
import { UserError } from '../errors.ts';
import {
  asOption,
  isoDay,
  positiveInt,
  storeOptions,
  withContext,
  type Context,
  type StoreOptions,
} from './bulletin-context.ts';

type CaseFields = {
  problem?: string;
  agency?: string;
  dispatch?: string;
  dispatchDate?: string;
  due?: string;
  reply?: string;
};

function common(cmd: Command): Command {
  return asOption(storeOptions(cmd));
}

function fields(cmd: Command): Command {
  return cmd
    .option('--problem <text>', 'the problem, in the editor’s words')
    .option('--agency <name>', 'the agency asked to act, e.g. "UBND xã Đam Rông 2"')
    .option('--dispatch <number>', 'công văn number, e.g. 125/SVHTTDL-TTBCXB')
    .option('--dispatch-date <YYYY-MM-DD>', 'công văn date')
    .option('--due <YYYY-MM-DD>', 'due date')
    .option('--reply <text>', 'the agency’s reply');
}

function date(what: string, v: string | undefined): string | undefined {
  return v === undefined ? undefined : isoDay(`cases: ${what}`, v);
}

function patchOf(o: CaseFields): CasePatch {
  const p: CasePatch = {};
  if (o.problem !== undefined) p.problem = o.problem;
  if (o.agency !== undefined) p.agency = o.agency;
  if (o.dispatch !== undefined) p.dispatchNumber = o.dispatch;
  const dd = date('--dispatch-date', o.dispatchDate);
  if (dd !== undefined) p.dispatchDate = dd;
  const due = date('--due', o.due);
  if (due !== undefined) p.dueDate = due;
  if (o.reply !== undefined) p.reply = o.reply;
  return p;
}

/** Only editors keep cases: they are part of the bulletin's content. */
function editor(ctx: Context): string {
  const u = ctx.actor();
  if (!u.roles.includes('editor')) throw new UserError(`cases: ${u.id} is not an editor`);
  return u.id;
}

function line(c: FollowUpCase): string {
  const dispatch = c.dispatchNumber
    ? `, dispatch ${c.dispatchNumber}${c.dispatchDate ? ` ${c.dispatchDate}` : ''}`
    : '';
  const due = c.dueDate ? `, due ${c.dueDate}` : '';
  return `${String(c.id).padStart(4)}  ${c.status} — ${c.title} → ${c.agency}${dispatch}${due}`;
}

export function casesCommand(): Command {
  const cases = new Command('cases').description(
    'follow-up cases (theo dõi xử lý) raised from bulletin items',
  );

  cases.addCommand(
    fields(
      common(
        new Command('open')
          .description('open a case from an item: its article URL gives the title and outlet')
          .option('--url <url>', 'the article (its stored title and outlet are used)')
          .option('--title <text>', 'the title as printed (required when the URL is not stored)')
          .option('--outlet <name>', 'the outlet (default: the stored article’s)'),
      ),
    ).action(
      async (
        opts: StoreOptions & CaseFields & { url?: string; title?: string; outlet?: string },
      ) => {
        if (!opts.problem || !opts.agency)
          throw new UserError('cases: open needs --problem and --agency');
        await withContext(opts, async (ctx) => {
          const by = editor(ctx);
          let article = opts.url ? ctx.store.getArticle(opts.url) : null;
          if (opts.url && !article) {
            const { canonicalUrl } = await import('../../../crawlers/canonical-url.ts');
            try {
              article = ctx.store.getArticle(canonicalUrl(opts.url));
            } catch {
              throw new UserError(`cases: --url is not a valid URL: ${opts.url}`);
            }
          }
          const title = opts.title ?? article?.title;
          if (!title) {
            throw new UserError(
              opts.url
                ? `cases: no stored article at ${opts.url}; give --title (and --outlet)`
                : 'cases: give --url of a stored article, or --title',
            );
          }
          const p = patchOf(opts);
          const c = ctx.store.cases().open(
            {
              title,
              articleUrl: article?.url ?? opts.url ?? null,
              outlet: opts.outlet ?? article?.sourceName ?? null,
              problem: opts.problem!,
              agency: opts.agency!,
              dispatchNumber: p.dispatchNumber ?? null,
              dispatchDate: p.dispatchDate ?? null,
              dueDate: p.dueDate ?? null,
            },
            by,
            ctx.at(),
          );
          console.log(`opened case ${c.id}: ${c.title}`);
        });
      },
    ),
  );

  cases.addCommand(
    fields(
      common(
        new Command('update')
          .description('change a case: status, công văn, due date, reply')
          .argument('<id>', 'case id')
          .addOption(new Option('--status <status>', 'new status').choices([...CASE_STATUSES]))
          .option('--note <text>', 'a note kept in the history'),
      ),
    ).action(
      async (
        idArg: string,
        opts: StoreOptions & CaseFields & { status?: CaseStatus; note?: string },
      ) => {
        const id = positiveInt('cases: the case id', idArg);
        await withContext(opts, (ctx) => {
          const patch = patchOf(opts);
          if (opts.status !== undefined) patch.status = opts.status;
          if (Object.keys(patch).length === 0 && !opts.note)
            throw new UserError('cases: update: nothing to change');
          const c = ctx.store.cases().update(id, patch, editor(ctx), ctx.at(), opts.note);
          console.log(line(c));
        });
      },
    ),
  );

  cases.addCommand(
    common(
      new Command('close')
        .description('close a case (it leaves the bulletins after the window it closed in)')
        .argument('<id>', 'case id')
        .option('--reply <text>', 'the final reply or result')
        .option('--note <text>', 'a note kept in the history'),
    ).action(async (idArg: string, opts: StoreOptions & { reply?: string; note?: string }) => {
      const id = positiveInt('cases: the case id', idArg);
      await withContext(opts, (ctx) => {
        const c = ctx.store
          .cases()
          .update(
            id,
            { status: 'closed', ...(opts.reply !== undefined ? { reply: opts.reply } : {}) },
            editor(ctx),
            ctx.at(),
            opts.note,
          );
        console.log(line(c));
      });
    }),
  );

  cases.addCommand(
    common(
      new Command('list')
        .description('list cases (open ones by default)')
        .option('--all', 'include closed cases')
        .option('--history <id>', 'show the history of one case')
        .option('--json', 'print as JSON'),
    ).action(async (opts: StoreOptions & { all?: boolean; history?: string; json?: boolean }) => {
      await withContext(opts, (ctx) => {
        if (opts.history !== undefined) {
          const id = positiveInt('cases: --history', opts.history);
          const events = ctx.store.cases().events(id);
          if (opts.json) console.log(JSON.stringify(events, null, 2));
          else
            for (const e of events)
              console.log(
                `${e.at}  ${e.userId.padEnd(12)} ${e.action}: ${e.fromStatus ?? '—'} → ${e.toStatus} ${JSON.stringify(e.changes)}${e.note ? ` (${e.note})` : ''}`,
              );
          return;
        }
        const list = ctx.store
          .cases()
          .list(opts.all ? {} : { status: CASE_STATUSES.filter((s) => s !== 'closed') });
        if (opts.json) console.log(JSON.stringify(list, null, 2));
        else if (list.length === 0) console.log(opts.all ? 'no cases' : 'no open cases');
        else for (const c of list) console.log(line(c));
      });
    }),
  );
  return cases;
}
