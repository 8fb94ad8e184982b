// `diemtin train-topics SET… [--texts DIR] [--out FILE]`: trains the topic model on labelled
// sets, prints how each set scores when held out of the training (leave-one-set-out) beside
// the rule threshold, and writes the model trained on all of them.
import { Command } from 'commander';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configDir, loadTopics, TOPIC_MODEL_FILE } from '../../config/load.ts';
import { parseLabelledSet } from '../../eval/dataset.ts';
import { streamTexts } from '../../eval/texts.ts';
import { crossValidate, examplesOf, trainTopicModel } from '../../eval/topic-training.ts';
import { UserError } from '../errors.ts';

type Opts = { texts?: string; out?: string; config?: string; threshold?: string };

export function trainTopicsCommand(): Command {
  return new Command('train-topics')
    .description('train the topic model on labelled sets and write config/topic-model.json')
    .argument('<sets...>', 'labelled JSON lines, as for `diemtin eval`')
    .option('--texts <dir>', 'join labels-only lines to their texts (see `diemtin eval --help`)')
    .option('--out <file>', `where to write the model (default: <config>/${TOPIC_MODEL_FILE})`)
    .option('--threshold <p>', 'probability from which a topic is kept', '0.5')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .addHelpText(
      'after',
      '\nThe model reads only the evidence of the rules in topics.yaml (where each touched topic\n' +
        'stands in the text), so retrain it whenever topics.yaml changes: a test fails while the\n' +
        'shipped model was trained on other rules.\n\n' +
        'Never train on a set kept blind to judge the model (tests/fixtures/eval/README.md says\n' +
        'which). How config/topic-model.json was trained:\n' +
        '  diemtin train-topics ../shared/domain/devset/classify.jsonl \\\n' +
        '    tests/fixtures/eval/heldout-classify.jsonl tests/fixtures/eval/heldout2-classify.jsonl \\\n' +
        '    tests/fixtures/eval/heldout3-classify.jsonl tests/fixtures/eval/heldout4-classify.jsonl \\\n' +
        '    tests/fixtures/eval/real-news-labels.jsonl --texts ../shared/data/news_stream',
    )
    .action((files: string[], opts: Opts) => {
      const dir = configDir(opts.config);
      const threshold = Number(opts.threshold);
      if (!(threshold > 0 && threshold < 1)) {
        throw new UserError(
          `train-topics: --threshold must be between 0 and 1, not ${opts.threshold}`,
        );
      }
      if (opts.texts !== undefined && !existsSync(opts.texts)) {
        throw new UserError(`train-topics: --texts ${opts.texts}: folder not found`);
      }
      const resolve = opts.texts === undefined ? undefined : streamTexts(opts.texts);
      const topics = loadTopics(dir);
      const sets = files.map((file) => {
        if (!existsSync(file)) throw new UserError(`train-topics: ${file}: file not found`);
        let items;
        try {
          items = parseLabelledSet(readFileSync(file, 'utf8'), file, resolve);
        } catch (err) {
          throw new UserError(err instanceof Error ? err.message : String(err), { cause: err });
        }
        const name = path.relative(process.cwd(), file) || file;
        return { name, examples: examplesOf({ name, items }, topics) };
      });
      const f = (x: number): string => x.toFixed(3);
      const out: string[] = ['topic micro-F1, each set held out of the training:'];
      if (sets.length > 1) {
        for (const r of crossValidate(sets, topics, { threshold })) {
          out.push(
            `  ${r.name.padEnd(28)} n=${String(r.items).padStart(3)}  rules ${f(r.rules.f1)} ` +
              `(P ${f(r.rules.p)} R ${f(r.rules.r)})  model ${f(r.model.f1)} ` +
              `(P ${f(r.model.p)} R ${f(r.model.r)})`,
          );
        }
      } else {
        out.push('  (one set: nothing to hold out)');
      }
      const model = trainTopicModel(sets, topics, { threshold });
      const target = opts.out ?? path.join(dir, TOPIC_MODEL_FILE);
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(model, null, 2) + '\n');
      renameSync(tmp, target);
      out.push(
        `wrote ${target}: ${model.features.length} features, trained on ` +
          model.trainedOn.map((s) => `${s.name} (${s.items})`).join(', '),
      );
      process.stdout.write(out.join('\n') + '\n');
    });
}
