// A config folder for crawling the sample newsroom with the ordinary commands: the deployment's
// own settings, profile and topics, with the sources replaced by the newsroom's outlets.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { SourceDefInput } from '../config/sources.ts';
import { UserError } from '../cli/errors.ts';

export const NEWSROOM_SOURCES_FILE = 'sample-newsroom.yaml';

export function writeNewsroomConfig(opts: {
  fromDir: string;
  toDir: string;
  baseUrl: string;
  sources: SourceDefInput[];
}): void {
  const to = path.resolve(opts.toDir);
  if (path.resolve(opts.fromDir) === to) {
    throw new UserError('newsroom: --config-out must differ from the config folder it copies');
  }
  if (existsSync(to) && readdirSync(to).some((f) => f !== 'sources')) {
    // Only ever overwrite a folder this command wrote: it carries our marker file.
    if (!existsSync(path.join(to, 'sources', NEWSROOM_SOURCES_FILE))) {
      throw new UserError(`newsroom: ${opts.toDir} exists and is not a sample-newsroom config`);
    }
  }
  mkdirSync(to, { recursive: true });
  for (const entry of ['diemtin.yaml', 'topics.yaml', 'provinces']) {
    cpSync(path.join(opts.fromDir, entry), path.join(to, entry), { recursive: true });
  }
  rmSync(path.join(to, 'sources'), { recursive: true, force: true });
  mkdirSync(path.join(to, 'sources'));
  const header =
    `# Written by \`diemtin newsroom\`: the sample outlets served at ${opts.baseUrl}.\n` +
    '# Fictional articles; valid only while that command runs.\n';
  writeFileSync(
    path.join(to, 'sources', NEWSROOM_SOURCES_FILE),
    header + stringify({ sources: opts.sources }),
  );
}
