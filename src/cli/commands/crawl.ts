// `diemtin crawl`: one pass over the configured sources, then exit.
import { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { runCrawl } from '../../jobs/crawl-job.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../errors.ts';

export function crawlCommand(): Command {
  return new Command('crawl')
    .description('fetch the configured feeds once, store new articles with their labels, exit')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)')
    .option('--source <id...>', 'crawl only these source ids')
    .addHelpText(
      'after',
      '\nFailures (a dead feed, a 5xx, a page that is not an article) are recorded on the\n' +
        'source and printed; the pass goes on. Running it again stores nothing twice.',
    )
    .action(async (opts: { config?: string; db?: string; source?: string[] }) => {
      const config = loadConfig({ dir: opts.config });
      let sources = config.sources.filter((s) => s.enabled);
      if (opts.source) {
        const unknown = opts.source.filter((id) => !config.sources.some((s) => s.id === id));
        if (unknown.length > 0)
          throw new UserError(`crawl: unknown source id: ${unknown.join(', ')}`);
        sources = config.sources.filter((s) => opts.source?.includes(s.id));
      }
      const store = openStore(opts.db ?? config.paths.db);
      try {
        const r = await runCrawl({ config, store, sources, log: (l) => console.error(l) });
        console.log(
          `crawl: ${r.sources} sources, ${r.feeds} feeds, ${r.itemsSeen} items seen, ` +
            `${r.newArticles} new articles, ${r.alreadyStored} already stored, ${r.stories} stories`,
        );
        for (const f of r.feedFailures) {
          console.log(`  feed failed: ${f.sourceId} ${f.url}: ${f.errorClass}: ${f.message}`);
        }
        for (const f of r.itemFailures) console.log(`  page failed: ${f.url}: ${f.message}`);
        for (const n of r.notArticles) console.log(`  not an article: ${n.url}: ${n.reason}`);
      } finally {
        store.close();
      }
    });
}
