// `diemtin sources`: the health of every configured source, as a table or as JSON.
import { Command } from 'commander';
import { formatHealthTable, healthRows } from '../../../crawlers/health.ts';
import { loadConfig } from '../../config/load.ts';
import { openStore } from '../../store/index.ts';

export function sourcesCommand(): Command {
  return new Command('sources')
    .description('show each source: last success, last error and its class, items, silence')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)')
    .option('--json', 'print the same rows as JSON')
    .addHelpText(
      'after',
      '\nError classes: retryable (5xx, timeout, network), throttled (429, Retry-After),\n' +
        'blocked (403, robots.txt disallow), not-retryable (404, a feed that does not parse).\n' +
        '"Silent" counts whole days since the source last brought a new item.',
    )
    .action((opts: { config?: string; db?: string; json?: boolean }) => {
      const config = loadConfig({ dir: opts.config });
      const store = openStore(opts.db ?? config.paths.db);
      try {
        // Definitions come from config; the store adds what the crawler recorded.
        store.upsertSources(config.sources);
        const ids = new Set(config.sources.map((s) => s.id));
        const now = new Date();
        const rows = healthRows(
          store.listSources().filter((s) => ids.has(s.id)),
          store.sourceActivity(now),
          now,
        );
        if (opts.json) console.log(JSON.stringify(rows, null, 2));
        else console.log(formatHealthTable(rows, config.app.timeZone));
      } finally {
        store.close();
      }
    });
}
