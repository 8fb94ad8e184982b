// `diemtin train SET… [--texts DIR] [--config DIR]`: trains the topic model and the tone model
// on labelled sets, prints how each set scores when held out of the training (leave-one-set-
// out) beside the rules, and writes both models into the config folder.
import { Command } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createClassifyContext, type ClassifyContext } from '../../../pipeline/classify/index.ts';
import { compileTopics } from '../../../pipeline/classify/topics.ts';
import {
  configDir,
  loadAppConfig,
  loadProfile,
  loadTopics,
  TONE_MODEL_FILE,
  TOPIC_MODEL_FILE,
} from '../../config/load.ts';
import { crossValidateTone, toneExamplesOf, trainToneModel } from '../../eval/tone-training.ts';
import { crossValidate, examplesOf, trainTopicModel } from '../../eval/topic-training.ts';
import { readLabelledFile, textResolver } from '../io.ts';

type Opts = { texts?: string; config?: string };

const TRAINED_WITH =
  '  diemtin train ../shared/domain/devset/classify.jsonl \\\n' +
  '    tests/fixtures/eval/heldout-classify.jsonl tests/fixtures/eval/heldout2-classify.jsonl \\\n' +
  '    tests/fixtures/eval/heldout3-classify.jsonl tests/fixtures/eval/heldout4-classify.jsonl \\\n' +
  '    tests/fixtures/eval/heldout5-classify.jsonl tests/fixtures/eval/heldout6-classify.jsonl \\\n' +
  '    tests/fixtures/eval/heldout7-classify.jsonl tests/fixtures/eval/heldout8-classify.jsonl \\\n' +
  '    tests/fixtures/eval/heldout9-classify.jsonl tests/fixtures/eval/heldout10-classify.jsonl \\\n' +
  '    tests/fixtures/eval/real-news-labels.jsonl --texts ../shared/data/news_stream';

function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, file);
}

export function trainCommand(): Command {
  return new Command('train')
    .description(
      `train the topic and tone models on labelled sets (writes ${TOPIC_MODEL_FILE} and ${TONE_MODEL_FILE})`,
    )
    .argument('<sets...>', 'labelled JSON lines, as for `diemtin eval`')
    .option('--texts <dir>', 'join labels-only lines to their texts (see `diemtin eval --help`)')
    .option(
      '--config <dir>',
      'config folder, read and written (default: $DIEMTIN_CONFIG_DIR or ./config)',
    )
    .addHelpText(
      'after',
      '\nBoth models read only the evidence of the rules (topics.yaml, the tone lexicon), never\n' +
        'words: retrain them whenever topics.yaml or the lexicon changes (a test fails while the\n' +
        'topic model was trained on other rules). Never train on a set kept blind to judge the\n' +
        'models (tests/fixtures/eval/README.md says which). How the shipped models were trained:\n' +
        TRAINED_WITH,
    )
    .action((files: string[], opts: Opts) => {
      const dir = configDir(opts.config);
      const resolve = textResolver('train', opts.texts);
      // The rules alone find the candidates; the topic model trained here decides for tone.
      const rules = loadTopics(dir, { models: false });
      const ruleTopics = compileTopics(rules);
      const defaultProfile = loadAppConfig(dir).profile;
      const sets = files.map((file) => ({
        name: path.relative(process.cwd(), file) || file,
        items: readLabelledFile('train', file, resolve),
      }));
      const f = (x: number): string => x.toFixed(3);
      const out: string[] = [];

      const topicSets = sets.map((s) => ({
        name: s.name,
        examples: examplesOf(s.items, ruleTopics),
      }));
      out.push('topic micro-F1, each set held out of the training:');
      for (const r of sets.length > 1 ? crossValidate(topicSets, rules) : []) {
        out.push(
          `  ${r.name.padEnd(46)} n=${String(r.items).padStart(3)}  rules ${f(r.rules.f1)}  model ${f(r.model.f1)} (P ${f(r.model.p)} R ${f(r.model.r)})`,
        );
      }
      const topicModel = trainTopicModel(topicSets, rules);
      writeJson(path.join(dir, TOPIC_MODEL_FILE), topicModel);

      const contexts = new Map<string, ClassifyContext>();
      const contextFor = (id: string): ClassifyContext => {
        let ctx = contexts.get(id);
        if (!ctx) {
          ctx = createClassifyContext(loadProfile(dir, id), { ...rules, model: topicModel });
          contexts.set(id, ctx);
        }
        return ctx;
      };
      const toneSets = sets.map((s) => ({
        name: s.name,
        examples: toneExamplesOf(s.items, contextFor, defaultProfile),
      }));
      out.push('tone accuracy, each set held out of the training:');
      for (const r of sets.length > 1 ? crossValidateTone(toneSets) : []) {
        out.push(
          `  ${r.name.padEnd(46)} n=${String(r.items).padStart(3)} (${String(r.long).padStart(3)} long)  rules ${f(r.rules)}  model ${f(r.model)}`,
        );
      }
      const toneModel = trainToneModel(toneSets);
      writeJson(path.join(dir, TONE_MODEL_FILE), toneModel);
      out.push(
        `wrote ${path.join(dir, TOPIC_MODEL_FILE)} and ${TONE_MODEL_FILE}, trained on ` +
          sets.map((s) => s.name).join(', '),
      );
      process.stdout.write(out.join('\n') + '\n');
    });
}
