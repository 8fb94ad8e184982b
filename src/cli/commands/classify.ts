// `diemtin classify --profile ID < in.jsonl > out.jsonl`: one output line per input line.
import { Command } from 'commander';
import { configDir, loadAppConfig, loadProfile, loadTopics } from '../../config/load.ts';
import { TextItem } from '../../schema.ts';
import { classify, createClassifyContext } from '../../../pipeline/classify/index.ts';
import { readJsonLines, writeLine } from '../io.ts';
import { parseItem } from './parse-item.ts';

export function classifyCommand(): Command {
  return new Command('classify')
    .description('label JSON lines: relevance, place mentions, topics, tone, sensitivity')
    .option('--profile <id>', 'province profile in config/provinces/ (default: from diemtin.yaml)')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .addHelpText(
      'after',
      '\nInput lines: {id, title, sapo?, body, url?, source?, sourceCategory?, publishedAt?}\n' +
        'Output lines, same order: {id, relevant, relevance, mentions, topics, tone, sensitive,\n' +
        'sensitiveReasons}.\n\n' +
        'Example:\n  diemtin classify --profile lam-dong < items.jsonl > labels.jsonl',
    )
    .action(async (opts: { profile?: string; config?: string }) => {
      const dir = configDir(opts.config);
      const profileId = opts.profile ?? loadAppConfig(dir).profile;
      const ctx = createClassifyContext(loadProfile(dir, profileId), loadTopics(dir));
      for await (const [n, value] of readJsonLines('classify')) {
        const item = parseItem(TextItem, value, 'classify', n);
        await writeLine(JSON.stringify(classify(item, ctx)));
      }
    });
}
