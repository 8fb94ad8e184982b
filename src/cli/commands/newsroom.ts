// `diemtin newsroom`: serve the bundled sample newsroom until interrupted, with a config folder
// that points the ordinary commands (crawl, digest build) at it.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { SAMPLE_DAY } from '../../demo/sample-day.ts';
import { writeNewsroomConfig } from '../../jobs/newsroom-config.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return n;
}

export function newsroomCommand(): Command {
  return new Command('newsroom')
    .description('serve the bundled sample newsroom on 127.0.0.1 until interrupted')
    .option('--port <n>', 'TCP port (0 picks a free one)', port, 8808)
    .option('--config-out <dir>', 'write a config folder whose sources are the sample outlets')
    .option('--config <dir>', 'config folder to copy (default: $DIEMTIN_CONFIG_DIR or ./config)')
    .addHelpText(
      'after',
      '\nExample (the sample day is ' +
        SAMPLE_DAY +
        '):\n' +
        '  diemtin newsroom --config-out out/newsroom-config &\n' +
        '  diemtin crawl --config out/newsroom-config --db out/sample.sqlite\n' +
        '  diemtin digest build --date ' +
        SAMPLE_DAY +
        ' --config out/newsroom-config --db out/sample.sqlite',
    )
    .action(async (opts: { port: number; configOut?: string; config?: string }) => {
      const config = loadConfig({ dir: opts.config });
      // Loaded here, not at start-up: fastify and the sample pages.
      const { sampleArticles, startNewsroom } = await import('../../demo/server.ts');
      const newsroom = await startNewsroom({ port: opts.port });
      if (opts.configOut) {
        writeNewsroomConfig({
          fromDir: config.dir,
          toDir: opts.configOut,
          baseUrl: newsroom.baseUrl,
          sources: newsroom.sources,
        });
      }
      console.log(
        `newsroom: serving ${sampleArticles.length} sample articles of ${newsroom.sources.length} outlets at ${newsroom.baseUrl}`,
      );
      if (opts.configOut)
        console.log(`newsroom: config written to ${path.resolve(opts.configOut)}`);
      console.log('newsroom: press Ctrl-C to stop');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await newsroom.close();
    });
}
