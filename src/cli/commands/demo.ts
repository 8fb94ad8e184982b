// `diemtin demo` (= `npm run demo`): the main job end to end on a bundled sample newsroom.
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { TONE_LABELS, TOPIC_LABELS, type TopicId } from '../../schema.ts';

export function demoCommand(): Command {
  return new Command('demo')
    .description('crawl a bundled sample newsroom on 127.0.0.1 and build its daily bulletin')
    .option('--out <dir>', 'folder for the SQLite file and the bulletin', 'out')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .addHelpText(
      'after',
      '\nNo internet needed: the sample outlets are served from this machine. The SQLite file\n' +
        'is created afresh in --out each time.',
    )
    .action(async (opts: { out: string; config?: string }) => {
      const config = loadConfig({ dir: opts.config });
      // Loaded here, not at start-up: the demo pulls in the whole pipeline and fastify.
      const { runDemo } = await import('../../jobs/demo-job.ts');
      const s = await runDemo({ config, outDir: path.resolve(opts.out) });
      const rel = (p: string) => path.relative(process.cwd(), p) || p;
      const topics = Object.entries(s.byTopic)
        .sort((a, b) => b[1] - a[1])
        .map(([t, n]) => `${TOPIC_LABELS[t as TopicId]} ${n}`);
      const failures = s.crawl.feedFailures.length + s.crawl.itemFailures.length;
      console.log(
        [
          `Điểm Tin demo — sample newsroom, bulletin of ${s.sampleDay} (${config.profile.name})`,
          `  crawled:    ${s.crawl.sources} outlets, ${s.crawl.itemsSeen} feed items, ${failures} failures`,
          `  stored:     ${s.stored} articles in ${rel(s.db)}`,
          `  relevant:   ${s.relevant} about ${config.profile.name}, in ${s.crawl.stories ?? 0} stories overall`,
          `  tone:       ${TONE_LABELS.positive} ${s.byTone.positive}, ${TONE_LABELS.negative} ${s.byTone.negative}, ${TONE_LABELS.neutral} ${s.byTone.neutral}`,
          `  topics:     ${topics.join(', ') || '(none)'}`,
          `  bulletin:   ${s.number}, ${s.inBulletin} articles in the window`,
          `  open it:    ${rel(s.bulletin)}`,
        ].join('\n'),
      );
    });
}
