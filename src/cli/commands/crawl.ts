// `diemtin crawl`: one pass over the sources that are due, then exit. Meant to be called
// every few minutes by cron or a systemd timer; killing it at any point is safe.
import { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../errors.ts';

export function crawlCommand(): Command {
  return new Command('crawl')
    .description(
      'fetch the sources that are due (feeds, list pages, browser pages), store new articles, exit',
    )
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)')
    .option('--source <id...>', 'crawl only these source ids (checked now, due or not)')
    .option('--all', 'check every enabled source now, due or not')
    .option(
      '--no-evidence',
      'skip evidence packages (Chromium screenshot + raw HTML) for sensitive articles',
    )
    .addHelpText(
      'after',
      '\nA source is due when its next check has come: its interval, stretched by the\n' +
        "server's Cache-Control / Retry-After, or a backoff after failures (see\n" +
        '`diemtin sources`). Failures (a dead feed, a 5xx, a page that is not an article)\n' +
        'are recorded on the source and printed; the pass goes on. Running it again, or\n' +
        'after it was killed, stores nothing twice.',
    )
    .action(
      async (opts: {
        config?: string;
        db?: string;
        source?: string[];
        all?: boolean;
        evidence?: boolean;
      }) => {
        const config = loadConfig({ dir: opts.config });
        let sources = config.sources.filter((s) => s.enabled);
        if (opts.source) {
          const unknown = opts.source.filter((id) => !config.sources.some((s) => s.id === id));
          if (unknown.length > 0)
            throw new UserError(`crawl: unknown source id: ${unknown.join(', ')}`);
          sources = config.sources.filter((s) => opts.source?.includes(s.id));
        }
        // Loaded here, not at start-up: the crawler pulls in cheerio, rss-parser and extract.
        const { runCrawl } = await import('../../jobs/crawl-job.ts');
        const store = openStore(opts.db ?? config.paths.db);
        try {
          const r = await runCrawl({
            config,
            store,
            sources,
            all: opts.all === true || opts.source !== undefined,
            evidence: opts.evidence !== false,
            log: (l) => console.error(l),
          });
          console.log(
            `crawl: ${r.sources} sources, ${r.feeds} feeds (${r.notModified} not modified), ` +
              `${r.itemsSeen} items seen, ${r.newArticles} new articles, ` +
              `${r.alreadyStored} already stored, ` +
              (r.stories === null ? 'stories unchanged' : `${r.stories} stories`) +
              (r.notDue > 0 ? `; ${r.notDue} sources not due yet` : ''),
          );
          for (const f of r.feedFailures) {
            console.log(`  feed failed: ${f.sourceId} ${f.url}: ${f.errorClass}: ${f.message}`);
          }
          for (const f of r.itemFailures) {
            console.log(`  page failed: ${f.sourceId} ${f.url}: ${f.errorClass}: ${f.message}`);
          }
          for (const n of r.notArticles) console.log(`  not an article: ${n.url}: ${n.reason}`);
          if (r.evidenceCaptured > 0 || r.evidenceFailures.length > 0) {
            console.log(
              `evidence: ${r.evidenceCaptured} packages captured, ${r.evidenceFailures.length} failed`,
            );
          }
        } finally {
          store.close();
        }
      },
    );
}
