// `diemtin extract --url URL < page.html`: one article page in, one JSON object out.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { UserError } from '../errors.ts';
import { readStdinBytes } from '../io.ts';

export function extractCommand(): Command {
  return new Command('extract')
    .description('extract title, sapo, body, author and publication time from an article page')
    .requiredOption('--url <url>', 'the page URL (selects the outlet rules, resolves links)')
    .option('--file <path>', 'read the page from this file instead of standard input')
    .option('--charset <name>', 'the charset the server declared, if known')
    .addHelpText(
      'after',
      '\nPrints {title, sapo, body, author, publishedAt, section, tags} as JSON.\n' +
        'A page that is not an article exits with code 3 and says why.\n\n' +
        'Example:\n  diemtin extract --url https://vnexpress.net/bai-viet-123.html < page.html',
    )
    .action(async (opts: { url: string; file?: string; charset?: string }) => {
      let url: URL;
      try {
        url = new URL(opts.url);
      } catch {
        throw new UserError(`extract: --url is not a valid URL: ${opts.url}`);
      }
      let bytes: Buffer;
      if (opts.file) {
        try {
          bytes = readFileSync(opts.file);
        } catch {
          throw new UserError(`extract: cannot read ${opts.file}`);
        }
      } else {
        bytes = await readStdinBytes('an HTML page');
      }
      // Loaded here, not at start-up: cheerio.
      const { extract } = await import('../../../pipeline/extract/index.ts');
      const { decodeHtml } = await import('../../../crawlers/charset.ts');
      const html = decodeHtml(bytes, opts.charset ? `text/html; charset=${opts.charset}` : null);
      const result = extract({ html, url: url.href, now: new Date() });
      if (!result.ok) throw new UserError(`extract: ${result.reason}`, { exitCode: 3 });
      process.stdout.write(JSON.stringify(result.article) + '\n');
    });
}
