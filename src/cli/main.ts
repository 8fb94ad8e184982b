// Entry point of the `diemtin` command: one program, one subcommand per job.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load.ts';
import { casesCommand } from './commands/cases.ts';
import { classifyCommand } from './commands/classify.ts';
import { clusterCommand } from './commands/cluster.ts';
import { crawlCommand } from './commands/crawl.ts';
import { demoCommand } from './commands/demo.ts';
import { digestCommand } from './commands/digest.ts';
import { evalCommand } from './commands/eval.ts';
import { trainCommand } from './commands/train.ts';
import { extractCommand } from './commands/extract.ts';
import { newsroomCommand } from './commands/newsroom.ts';
import { profilesCommand } from './commands/profiles.ts';
import { sourcesCommand } from './commands/sources.ts';
import { submitCommand } from './commands/submit.ts';
import { UserError } from './errors.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('diemtin')
    .description(
      'Điểm Tin: monitor press coverage of a Vietnamese province and build the điểm tin bulletin',
    )
    .version('0.1.0')
    .showSuggestionAfterError(true)
    .configureOutput({
      // Commander's own usage errors are one line already; keep them on stderr, unprefixed.
      writeErr: (s) => process.stderr.write(s),
    });
  program.addCommand(demoCommand());
  program.addCommand(crawlCommand());
  program.addCommand(extractCommand());
  program.addCommand(classifyCommand());
  program.addCommand(clusterCommand());
  program.addCommand(digestCommand());
  program.addCommand(casesCommand());
  program.addCommand(evalCommand());
  program.addCommand(trainCommand());
  program.addCommand(newsroomCommand());
  program.addCommand(profilesCommand());
  program.addCommand(sourcesCommand());
  program.addCommand(submitCommand());
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const override = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError || err instanceof ConfigError) {
      process.stderr.write(`diemtin: ${err.message}\n`);
      return err instanceof UserError ? err.exitCode : 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`diemtin: internal error: ${message}\n`);
    if (process.env.DIEMTIN_DEBUG) console.error(err);
    else process.stderr.write('(set DIEMTIN_DEBUG=1 to see the stack trace)\n');
    return 70;
  }
}

// `diemtin … | head` closes the pipe early: that is the reader being done, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv);
