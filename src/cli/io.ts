// Reading the CLI's standard input: refuses a terminal so a forgotten `< file` gives a clear
// error instead of a silent wait.
import { createInterface } from 'node:readline';
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
