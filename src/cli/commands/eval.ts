// `diemtin eval SET [--stories FILE] [--profile ID] [--json] [--errors]`: scores classify (and
// cluster) on a labelled JSONL set, the format of shared/domain/devset/*.jsonl.
import { Command } from 'commander';
import {
  ConfigError,
  configDir,
  loadAppConfig,
  loadProfile,
  loadTopics,
} from '../../config/load.ts';
import { createClassifyContext, type ClassifyContext } from '../../../pipeline/classify/index.ts';
import { formatReport } from '../../eval/report.ts';
import { runEval } from '../../eval/run.ts';
import { UserError } from '../errors.ts';
import { readLabelledFile, textResolver } from '../io.ts';

type Opts = {
  stories?: string;
  profile?: string;
  config?: string;
  json?: boolean;
  errors?: boolean;
  texts?: string;
};

export function evalCommand(): Command {
  return new Command('eval')
    .description('score classify and cluster on a labelled JSONL set')
    .argument('<set>', 'labelled JSON lines: {id, profile, title, sapo, body, …, labels}')
    .option('--stories <file>', 'also score clustering on this set of {…, storyGroup} lines')
    .option('--profile <id>', 'only the lines of this profile')
    .option('--config <dir>', 'config folder (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .option(
      '--texts <dir>',
      'join lines that hold only {file, link, labels} to the item of that link in DIR/file ' +
        '(JSON arrays of RSS items, e.g. ../shared/data/news_stream)',
    )
    .option('--json', 'print the figures as one JSON object')
    .option('--errors', 'list every wrong label: id, label, expected, got')
    .addHelpText(
      'after',
      '\nEach line is classified with its own profile (config/provinces/ID.yaml); lines of a\n' +
        'profile that does not exist are skipped with a warning. Lines that carry a storyGroup\n' +
        '(or the --stories file) are clustered and scored pairwise.\n\n' +
        'Example:\n  diemtin eval ../shared/domain/devset/classify.jsonl \\\n' +
        '    --stories ../shared/domain/devset/stories.jsonl --errors\n' +
        '  diemtin eval tests/fixtures/eval/real-news-labels.jsonl \\\n' +
        '    --texts ../shared/data/news_stream',
    )
    .action((setFile: string, opts: Opts) => {
      const dir = configDir(opts.config);
      const resolve = textResolver('eval', opts.texts);
      const set = readLabelledFile('eval', setFile, resolve);
      const stories =
        opts.stories === undefined ? undefined : readLabelledFile('eval', opts.stories);
      const topics = loadTopics(dir);
      const defaultProfile = loadAppConfig(dir).profile;
      const compiled = new Map<string, ClassifyContext | null>();
      const contextFor = (id: string): ClassifyContext | null => {
        if (compiled.has(id)) return compiled.get(id) ?? null;
        const ctx = compileContext(id);
        compiled.set(id, ctx);
        return ctx;
      };
      const compileContext = (id: string): ClassifyContext | null => {
        try {
          return createClassifyContext(loadProfile(dir, id), topics);
        } catch (err) {
          // A set may hold other provinces' lines than this deployment has profiles for.
          if (
            err instanceof ConfigError &&
            /no province profile|invalid profile/.test(err.message)
          ) {
            return null;
          }
          throw err;
        }
      };
      if (opts.profile !== undefined && contextFor(opts.profile) === null) {
        throw new UserError(`eval: no province profile "${opts.profile}"`);
      }
      const report = runEval({ set, stories, profile: opts.profile, defaultProfile, contextFor });
      for (const s of report.skipped) {
        process.stderr.write(
          `eval: warning: skipped ${s.count} lines of profile "${s.profile}" (no config/provinces/${s.profile}.yaml)\n`,
        );
      }
      if (opts.json) {
        const { errors, ...figures } = report;
        const json = opts.errors ? { ...figures, errors } : figures;
        process.stdout.write(JSON.stringify(json) + '\n');
      } else {
        process.stdout.write(formatReport(report, { errors: opts.errors === true }) + '\n');
      }
    });
}
