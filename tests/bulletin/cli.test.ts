// `diemtin digest build|edit|approve|show|send` through the real entry point, and `diemtin
// cases` in-process (main.ts wires it): roles, order and refusals reach the user as one line.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { casesCommand } from '../../src/cli/commands/cases.ts';
import { openStore } from '../../src/store/index.ts';
import { isOneLineError, runCli } from '../cli/run-cli.ts';
import { tempStore } from './setup.ts';

const { dir, store } = tempStore();
store.close();
const db = path.join(dir, 'cli.sqlite');
const out = path.join(dir, 'out');
const digest = (args: string[], user?: string) =>
  runCli(['digest', ...args, '--db', db], { env: { DIEMTIN_USER: user ?? '' } });

describe('diemtin digest workflow', () => {
  it('takes a bulletin from draft to approved, refusing what the workflow forbids', async () => {
    const built = await digest([
      'build',
      '--period',
      'daily',
      '--date',
      '2026-11-20',
      '--out',
      out,
    ]);
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(
      /Số 1\/ĐT-SVHTTDL: bulletin 1, draft, 0 articles → .*diemtin-daily-2026-11-20\.html/,
    );

    const early = await digest(['approve', '1', '--as', 'truongphong']);
    expect(early.code).toBe(1);
    expect(isOneLineError(early.stderr)).toBe(true);
    expect(early.stderr).toMatch(/cannot approve a bulletin that is draft/);

    const nobody = await digest(['edit', '1', '--submit']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/--as USER/);

    expect((await digest(['edit', '1', '--submit'], 'bientap')).stdout).toMatch(
      /bulletin 1: in review/,
    );
    expect((await digest(['approve', '1', '--as', 'truongphong'])).stdout).toMatch(
      /level 1 signed; 1\/2 levels/,
    );
    expect((await digest(['approve', '1', '--as', 'giamdoc'])).stdout).toMatch(
      /level 2 signed; 2\/2 levels, approved/,
    );

    const rebuild = await digest(['build', '--date', '2026-11-20', '--out', out]);
    expect(rebuild.code).toBe(1);
    expect(rebuild.stderr).toMatch(
      /signed by truongphong \(level 1\), giamdoc \(level 2\); reopen it/,
    );

    const shown = await digest(['show', '1']);
    expect(shown.stdout).toMatch(/status: approved,/);
    expect(shown.stdout).toMatch(/signed level 2 \(Lãnh đạo Sở\) by giamdoc/);
    expect(shown.stdout).toMatch(/truongphong\s+approve level 1: in_review → in_review/);

    // The repo's config has no mail section: send is refused before anything changes.
    const send = await digest(['send', '1', '--as', 'bientap']);
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(/no mail section in diemtin.yaml/);
    const s = openStore(db);
    expect(s.bulletins().get(1)?.status).toBe('approved');
    s.close();
  }, 120_000);
});

describe('diemtin cases', () => {
  const logs: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    logs.push(a.join(' '));
  });
  afterAll(() => spy.mockRestore());
  const run = (args: string[]) =>
    casesCommand()
      .exitOverride()
      .parseAsync([...args, '--db', db, '--as', 'bientap'], { from: 'user' });

  it('opens, updates, closes and lists cases', async () => {
    await run([
      'open',
      '--title',
      'Sạt lở đe dọa nhà dân ở phường Bảo Lộc 1',
      '--outlet',
      'VnExpress',
      '--problem',
      'Sạt lở taluy sau mưa lớn, 5 hộ dân nguy hiểm.',
      '--agency',
      'UBND phường Bảo Lộc 1',
      '--due',
      '2026-11-30',
    ]);
    expect(logs.at(-1)).toBe('opened case 1: Sạt lở đe dọa nhà dân ở phường Bảo Lộc 1');
    await run(['update', '1', '--status', 'in-progress', '--dispatch', '130/SVHTTDL-TTBCXB']);
    expect(logs.at(-1)).toMatch(
      /in-progress — Sạt lở .* → UBND phường Bảo Lộc 1, dispatch 130\/SVHTTDL-TTBCXB, due 2026-11-30/,
    );
    await run(['close', '1', '--reply', 'Đã di dời 5 hộ dân.']);
    await run(['list']);
    expect(logs.at(-1)).toBe('no open cases');
    await expect(
      run(['open', '--url', 'https://khong-co.example.vn/a', '--problem', 'x', '--agency', 'y']),
    ).rejects.toThrow(/no stored article at/);
    // A day that does not exist is refused, not rolled over to 2 March.
    await expect(run(['update', '1', '--due', '2026-02-30'])).rejects.toThrow(
      'cases: --due must be YYYY-MM-DD, got "2026-02-30"',
    );
  });
});
