// Runs the real `diemtin` entry point in a child process, as a user's shell would.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.join(process.cwd(), 'src/cli/bin.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function runCli(
  args: string[],
  opts: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      env: { ...process.env, DIEMTIN_DEBUG: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A user-facing failure: one line on stderr, no stack frames. */
export function isOneLineError(stderr: string): boolean {
  const lines = stderr.trim().split('\n');
  return lines.length === 1 && !/^\s+at /m.test(stderr) && lines[0] !== '';
}
