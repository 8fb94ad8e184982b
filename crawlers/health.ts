// Source health as an editor reads it (issue 5 §4): is each source answering, since when has it
// been failing and why, how much does it bring in, and has it gone quiet. "Silent for N days"
// catches a feed that still answers but moved (the 2025 press mergers moved many provincial
// outlets to new domains, leaving old feeds frozen). Pure: the store's rows and `now` come in.
import type { SourceActivity, SourceHealth } from '../src/store/index.ts';
import type { FetchErrorClass } from './errors.ts';

export type SourceHealthRow = {
  id: string;
  name: string;
  category: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  lastErrorClass: FetchErrorClass | null;
  consecutiveFailures: number;
  articles24h: number;
  articles7d: number;
  lastNewItemAt: string | null;
  /** Whole days without a new item, counted from the last one (or the first check); null
   * before the first check. */
  silentDays: number | null;
  nextCheckAt: string | null;
};

const DAY_MS = 24 * 3600_000;

export function healthRows(
  sources: SourceHealth[],
  activity: SourceActivity[],
  now: Date,
): SourceHealthRow[] {
  const byId = new Map(activity.map((a) => [a.id, a]));
  return sources.map((s) => {
    const a = byId.get(s.id);
    const lastNewItemAt = a?.lastNewItemAt ?? null;
    const since = lastNewItemAt ?? s.firstCheckedAt;
    return {
      id: s.id,
      name: s.name,
      category: s.category,
      enabled: s.enabled,
      lastSuccessAt: s.lastSuccessAt,
      lastErrorAt: s.lastErrorAt,
      lastError: s.lastError,
      lastErrorClass: s.lastErrorClass,
      consecutiveFailures: s.consecutiveFailures,
      articles24h: a?.articles24h ?? 0,
      articles7d: a?.articles7d ?? 0,
      lastNewItemAt,
      silentDays:
        since === null
          ? null
          : Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS)),
      nextCheckAt: s.nextCheckAt,
    };
  });
}

/** A plain-text table: English headers, source names as they are, times in the given zone. */
export function formatHealthTable(rows: SourceHealthRow[], timeZone: string): string {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const time = (iso: string | null): string =>
    iso ? fmt.format(new Date(iso)).replace(',', '') : '-';
  const header = [
    'ID',
    'Name',
    'Last success',
    'Failures',
    'Last error',
    'Items 24h',
    'Items 7d',
    'Silent',
    'Next check',
  ];
  const body = rows.map((r) => [
    r.id + (r.enabled ? '' : ' (off)'),
    r.name,
    time(r.lastSuccessAt),
    String(r.consecutiveFailures),
    r.lastErrorClass ? `${r.lastErrorClass} ${time(r.lastErrorAt)}` : '-',
    String(r.articles24h),
    String(r.articles7d),
    r.silentDays === null ? '-' : `${r.silentDays} d`,
    time(r.nextCheckAt),
  ]);
  // Width in code points: Vietnamese names in NFC are one point per letter.
  const len = (s: string): number => [...s].length;
  const widths = header.map((h, i) => Math.max(len(h), ...body.map((row) => len(row[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - len(c)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  // The messages are long; they go under the table, one per failing source.
  const errors = rows.filter((r) => r.lastError !== null);
  if (errors.length > 0) {
    out.push('', 'Last errors:');
    for (const r of errors) out.push(`  ${r.id}: ${r.lastError}`);
  }
  return out.join('\n');
}
