// `diemtin digest build`: the bulletin of a period, from the stored articles.
import path from 'node:path';
import { Command, Option } from 'commander';
import { DateTime } from 'luxon';
import { loadConfig } from '../../config/load.ts';
import { openStore } from '../../store/index.ts';
import { UserError } from '../errors.ts';

export function digestCommand(): Command {
  const digest = new Command('digest').description('build the điểm tin bulletin');
  digest.addCommand(
    new Command('build')
      .description('build the bulletin of one period from the stored articles')
      .addOption(
        new Option('--period <period>', 'which bulletin').choices(['daily']).default('daily'),
      )
      .requiredOption('--date <YYYY-MM-DD>', "the bulletin's date (its window ends that day)")
      .option('--out <dir>', 'folder to write the HTML file into', 'out')
      .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
      .option('--db <path>', 'SQLite file (default: $DIEMTIN_DB or <dataDir>/diemtin.sqlite)')
      .addHelpText(
        'after',
        '\nThe daily window runs from the cut-off (diemtin.yaml cutoffs.daily, Asia/Ho_Chi_Minh)\n' +
          'of the day before up to the cut-off of --date. Weekly and monthly bulletins come with\n' +
          'the bulletin issue.\n\nExample:\n  diemtin digest build --period daily --date 2026-11-20 --out out',
      )
      .action(
        async (opts: {
          period: string;
          date: string;
          out: string;
          config?: string;
          db?: string;
        }) => {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || !DateTime.fromISO(opts.date).isValid) {
            throw new UserError(`digest: --date must be YYYY-MM-DD, got "${opts.date}"`);
          }
          const config = loadConfig({ dir: opts.config });
          // Loaded here, not at start-up: handlebars and the templates.
          const { buildDailyDigestFile } = await import('../../jobs/digest-job.ts');
          const store = openStore(opts.db ?? config.paths.db);
          try {
            const built = buildDailyDigestFile({
              config,
              store,
              date: opts.date,
              outDir: path.resolve(opts.out),
              now: new Date(),
            });
            console.log(
              `${built.number}: ${built.model.overview.articleCount} articles → ${built.file}`,
            );
          } finally {
            store.close();
          }
        },
      ),
  );
  return digest;
}
