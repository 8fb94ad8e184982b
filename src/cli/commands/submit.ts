// `diemtin submit URL [--by NAME] [--note TEXT]`: store a link a collaborator sent, with its
// evidence package (screenshot, raw HTML, hashes).
import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { SOURCE_CATEGORIES, type SourceCategory } from '../../schema.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../errors.ts';

export function submitCommand(): Command {
  return new Command('submit')
    .description('fetch a link in the browser, keep its evidence, extract, classify and store it')
    .argument('<url>', 'the page (an article, a post) to keep')
    .option('--by <name>', 'who sent or submitted the link')
    .option('--note <text>', 'why it was submitted')
    .addOption(
      new Option(
        '--category <category>',
        'category of the source when the site is unknown',
      ).choices([...SOURCE_CATEGORIES]),
    )
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)')
    .addHelpText(
      'after',
      '\nThe page is opened in Chromium (robots.txt obeyed: a disallowed page is not fetched\n' +
        'and nothing is stored). Its evidence package (full-page screenshot, raw HTML, SHA-256\n' +
        'of both, fetch time) is written under <dataDir>/evidence/<yyyy>/<mm>/; the article is\n' +
        'stored under the configured source of its site, else a "manual" source. A link\n' +
        'already stored is reported, not stored twice.\n\n' +
        'Example:\n  diemtin submit https://baolamdong.vn/bai-viet-123.html --by "Chị Lan" --note "qua Zalo"',
    )
    .action(
      async (
        rawUrl: string,
        opts: {
          by?: string;
          note?: string;
          category?: SourceCategory;
          config?: string;
          db?: string;
        },
      ) => {
        try {
          const u = new URL(rawUrl);
          if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
        } catch {
          throw new UserError(`submit: not an http(s) URL: ${rawUrl}`);
        }
        const config = loadConfig({ dir: opts.config });
        // Loaded here, not at start-up: playwright-core, cheerio and the pipeline.
        const { runSubmit } = await import('../../jobs/submit-job.ts');
        const { browserPoolFor } = await import('../../../crawlers/browser-pool.ts');
        const { httpClientFor } = await import('../../jobs/crawl-job.ts');
        const { FetchError } = await import('../../../crawlers/errors.ts');
        const store = openStore(opts.db ?? config.paths.db);
        const pool = browserPoolFor(config.app.crawl, httpClientFor(config, store));
        try {
          const r = await runSubmit({
            config,
            store,
            pool,
            url: rawUrl,
            by: opts.by ?? null,
            note: opts.note ?? null,
            ...(opts.category ? { category: opts.category } : {}),
          });
          if (r.status === 'blocked') {
            throw new UserError(`submit: ${r.url}: not fetched, nothing stored: ${r.message}`);
          }
          if (r.status === 'already-stored') {
            console.log(`submit: already stored: ${r.url}`);
            if (r.evidence) {
              console.log(
                `  evidence${r.evidenceCaptured ? ' (captured now)' : ''}: ${r.evidence.dir}`,
              );
            }
            return;
          }
          if (r.article) {
            const a = r.article;
            console.log(`submit: stored ${r.url}`);
            console.log(`  "${a.title}" — ${r.source.name} (source ${r.source.id})`);
            console.log(
              `  relevant: ${a.relevant ? 'yes' : 'no'}, tone: ${a.tone}, ` +
                `topics: ${a.topics.join(', ') || '-'}, sensitive: ${a.sensitive ? 'yes' : 'no'}`,
            );
          } else {
            console.log(
              `submit: ${r.url} is not an article (${r.notArticle ?? '?'}); evidence kept`,
            );
          }
          console.log(`  evidence: ${r.evidence.dir}`);
          console.log(`  html sha256: ${r.evidence.htmlSha256}`);
          console.log(`  png sha256:  ${r.evidence.pngSha256}`);
        } catch (err) {
          if (err instanceof FetchError)
            throw new UserError(`submit: ${err.message}`, { cause: err });
          throw err;
        } finally {
          await pool.close();
          store.close();
        }
      },
    );
}
