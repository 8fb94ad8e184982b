// `diemtin profiles build --admin DIR [--out DIR] [--province ID…]`: generates the province
// profiles (config/provinces/<id>.yaml) from the national admin tables and the overlays.
import { Command } from 'commander';
import path from 'node:path';
import { ConfigError } from '../../config/load.ts';
import { buildProfiles, overlayIds, readAdminTables, writeProfiles } from '../../profiles/io.ts';
import { UserError } from '../errors.ts';

type BuildOptions = { admin: string; out: string; province?: string[] };

function build(opts: BuildOptions): void {
  const outDir = path.resolve(opts.out);
  const ids = opts.province ?? overlayIds(outDir);
  if (ids.length === 0) {
    throw new UserError(
      `profiles: no --province given and no overlay in ${path.join(opts.out, 'overlays')}`,
    );
  }
  let built;
  try {
    built = buildProfiles(readAdminTables(path.resolve(opts.admin)), outDir, ids);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new UserError(message, { cause: err });
  }
  writeProfiles(built);
  for (const b of built) {
    const c = b.counts;
    process.stdout.write(
      `${path.relative(process.cwd(), b.file)}: ${c.total} places ` +
        `(capital ${c.capital}, city ${c.city}, town ${c.town}, ` +
        `former-district ${c['former-district']}, commune ${c.commune}, ward ${c.ward}, ` +
        `landmark ${c.landmark}; ambiguous ${c.ambiguous})\n`,
    );
    for (const line of b.report) process.stdout.write(`  ${line}\n`);
  }
}

export function profilesCommand(): Command {
  const cmd = new Command('profiles').description(
    'province profiles (config/provinces/): generate them from the national admin tables',
  );
  cmd
    .command('build')
    .description('write config/provinces/<id>.yaml from the admin tables and the overlays')
    .requiredOption('--admin <dir>', 'folder of the vietnamadminunits__*.csv admin tables')
    .option(
      '--out <dir>',
      'profiles folder; overlays are read from <dir>/overlays',
      'config/provinces',
    )
    .option('--province <id...>', 'profile ids (default: every overlay in <out>/overlays)')
    .addHelpText(
      'after',
      '\nEach profile merges config/provinces/overlays/<id>.yaml (landmarks, spellings,\n' +
        'judged ambiguity with a reason). Prints the places per kind and what was merged.\n\n' +
        'Example:\n  diemtin profiles build --admin ../shared/data/admin --province lam-dong gia-lai',
    )
    .action((opts: BuildOptions) => build(opts));
  return cmd;
}
