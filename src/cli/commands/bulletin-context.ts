// Shared by `diemtin digest` and `diemtin cases`: config and store opened once, the acting user
// from --as or DIEMTIN_USER, and workflow/store refusals turned into one-line user errors.
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { loadConfig, type Config } from '../../config/load.ts';
import { openStore, type Store } from '../../store/index.ts';
import { eventTime, resolveUser, WorkflowError, type Actor } from '../../bulletin/workflow.ts';
import { UserError } from '../errors.ts';

export interface StoreOptions {
  config?: string;
  db?: string;
  as?: string;
}

export interface Context {
  config: Config;
  store: Store;
  /** The user named by --as / DIEMTIN_USER; throws a UserError when none or unknown. */
  actor(): Actor;
  /** Now as ISO 8601 in the deployment's zone. */
  at(now?: Date): string;
}

/** Messages of refusals a user can act on: a stale version, a frozen bulletin, a bad value. */
const USER_STORE_ERRORS =
  /changed meanwhile|immutable|cannot be deleted|invalid case|unknown case|must be an ISO|outbox row \d+ is|delivery is running/;

export async function withContext<T>(
  opts: StoreOptions,
  fn: (ctx: Context) => Promise<T> | T,
): Promise<T> {
  const config = loadConfig({ dir: opts.config });
  const store = openStore(opts.db ?? config.paths.db);
  const ctx: Context = {
    config,
    store,
    actor: () => resolveUser(config.app.users, opts.as ?? process.env.DIEMTIN_USER),
    at: (now = new Date()) => eventTime(now, config.app.timeZone),
  };
  try {
    return await fn(ctx);
  } catch (err) {
    if (err instanceof WorkflowError) throw new UserError(err.message, { cause: err });
    if (err instanceof Error && USER_STORE_ERRORS.test(err.message)) {
      throw new UserError(err.message, { cause: err });
    }
    throw err;
  } finally {
    store.close();
  }
}

/** --config and --db, as every command that opens the store takes them. */
export function storeOptions(cmd: Command): Command {
  return cmd
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)');
}

/** --as, for the commands that change something in a user's name. */
export function asOption(cmd: Command): Command {
  return cmd.option(
    '--as <user>',
    'the acting user, from diemtin.yaml users (default: $DIEMTIN_USER)',
  );
}

/** A calendar day given as YYYY-MM-DD; 2026-02-30 is refused, not rolled over to March. */
export function isoDay(what: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) {
    throw new UserError(`${what} must be YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export function positiveInt(what: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UserError(`${what} must be a positive integer, got "${value}"`);
  }
  return n;
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value];
