// Reading the CLI's input: standard input (a terminal is refused, so a forgotten `< file` gives
// a clear error instead of a silent wait) and the labelled sets of `eval` and `train`.
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseLabelledSet, type LabelledItem } from '../eval/dataset.ts';
import { streamTexts, type TextResolver } from '../eval/texts.ts';
import { UserError } from './errors.ts';

export async function readStdinBytes(what: string): Promise<Buffer> {
  if (process.stdin.isTTY) throw new UserError(`expected ${what} on standard input`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Yields [lineNumber, parsed JSON] for every non-blank line; bad JSON is a UserError. */
export async function* readJsonLines(command: string): AsyncGenerator<[number, unknown]> {
  if (process.stdin.isTTY) throw new UserError(`${command}: expected JSON lines on standard input`);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UserError(`${command}: line ${n}: not valid JSON`);
    }
    yield [n, value];
  }
}

/** Writes a line to stdout, waiting when the pipe is full (large JSONL outputs). */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(line + '\n')) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** The --texts folder as a resolver for labels-only lines (src/eval/texts.ts), if given. */
export function textResolver(command: string, dir: string | undefined): TextResolver | undefined {
  if (dir === undefined) return undefined;
  if (!existsSync(dir)) throw new UserError(`${command}: --texts ${dir}: folder not found`);
  return streamTexts(dir);
}

/** A labelled set file; a missing file or a bad line is a UserError naming it. */
export function readLabelledFile(
  command: string,
  file: string,
  resolve?: TextResolver,
): LabelledItem[] {
  if (!existsSync(file)) throw new UserError(`${command}: ${file}: file not found`);
  try {
    return parseLabelledSet(readFileSync(file, 'utf8'), file, resolve);
  } catch (err) {
    throw new UserError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}
