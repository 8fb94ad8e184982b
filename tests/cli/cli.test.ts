import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, isOneLineError, runCli } from './run-cli.ts';

const COMMANDS = [
  [],
  ['demo'],
  ['crawl'],
  ['extract'],
  ['classify'],
  ['cluster'],
  ['digest'],
  ['digest', 'build'],
  ['newsroom'],
  ['eval'],
  ['profiles'],
  ['profiles', 'build'],
  ['sources'],
  ['submit'],
  ['cases'],
  ['digest', 'send'],
];

describe('diemtin --help', () => {
  it.each(COMMANDS)('documents %s', async (...cmd) => {
    const r = await runCli([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: diemtin/);
    expect(r.stderr).toBe('');
  });

  it('lists every command at the top level', async () => {
    const r = await runCli(['--help']);
    const all = ['demo', 'crawl', 'extract', 'classify', 'cluster', 'digest', 'eval', 'newsroom'];
    for (const c of [...all, 'profiles', 'sources']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
  });
});

describe('user mistakes get one line and a non-zero exit', () => {
  it('an unknown command', async () => {
    const r = await runCli(['crawll']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'crawll'");
    expect(r.stderr).toContain('crawl');
  });

  it('a missing required option', async () => {
    const r = await runCli(['digest', 'build']);
    expect(r.code).toBe(2);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('--date');
  });

  it('a bad date', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-cli-'));
    const r = await runCli([
      'digest',
      'build',
      '--date',
      '20/11/2026',
      '--db',
      path.join(dir, 'x.sqlite'),
    ]);
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('20/11/2026');
  });

  it('a config folder that does not exist', async () => {
    const r = await runCli(['classify', '--config', '/nonexistent/diemtin-config'], {
      stdin: '{"id":"1","title":"t","body":"b"}\n',
    });
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('/nonexistent/diemtin-config');
  });

  it('an invalid config value names the file and the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-cfg-'));
    cpSync(path.join(process.cwd(), 'config'), dir, { recursive: true });
    const file = path.join(dir, 'diemtin.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("daily: '06:00'", "daily: '6h'"));
    const r = await runCli(['classify', '--config', dir], { stdin: '' });
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('diemtin.yaml');
    expect(r.stderr).toContain('cutoffs.daily');
  });

  it('an unknown province profile', async () => {
    const r = await runCli(['classify', '--profile', 'atlantis'], { stdin: '' });
    expect(r.code).toBe(1);
    expect(isOneLineError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('atlantis');
    expect(r.stderr).toContain('lam-dong');
  });

  it('a line of classify input that is not JSON', async () => {
    const r = await runCli(['classify'], {
      stdin: '{"id":"1","title":"a","body":"b"}\nnot json\n',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2');
    expect(isOneLineError(r.stderr)).toBe(true);
  });
});

describe('the pipeline commands', () => {
  it('classify emits one labelled line per input, in order', async () => {
    const lines = [
      { id: 'b', title: 'Sạt lở trên đèo Bảo Lộc', body: 'Mưa lớn gây sạt lở ở Lâm Đồng.' },
      { id: 'a', title: 'Giá xăng giảm', body: 'Giá xăng dầu trong nước giảm từ chiều nay.' },
    ];
    const r = await runCli(['classify', '--profile', 'lam-dong'], {
      stdin: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    });
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['b', 'a']);
    expect(out[0]?.relevant).toBe(true);
    expect(out[1]?.relevant).toBe(false);
    expect(Object.keys(out[0] ?? {}).sort()).toEqual(
      [
        'id',
        'mentions',
        'relevance',
        'relevant',
        'sensitive',
        'sensitiveReasons',
        'tone',
        'topics',
      ].sort(),
    );
  });

  it('cluster puts two copies of a story together', async () => {
    const body =
      'Ủy ban nhân dân tỉnh Lâm Đồng vừa phê duyệt kế hoạch trồng mới 5.000 ha rừng trong giai đoạn 2026 - 2030, ' +
      'tập trung ở các xã vùng sâu, vùng xa, với tổng kinh phí khoảng 600 tỷ đồng từ ngân sách và xã hội hóa.';
    const items = [
      { id: 'x', title: 'Lâm Đồng trồng mới 5.000 ha rừng', body, source: 'a.vn' },
      { id: 'y', title: 'Lâm Đồng sẽ trồng mới 5.000 ha rừng', body, source: 'b.vn' },
      {
        id: 'z',
        title: 'Giá cà phê tăng',
        body: 'Giá cà phê hôm nay tăng mạnh tại Tây Nguyên.',
        source: 'a.vn',
      },
    ];
    const r = await runCli(['cluster'], { stdin: items.map((i) => JSON.stringify(i)).join('\n') });
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; storyId: string; reach: number });
    expect(out).toHaveLength(3);
    expect(out[0]?.storyId).toBe(out[1]?.storyId);
    expect(out[2]?.storyId).not.toBe(out[0]?.storyId);
    expect(out[0]?.reach).toBe(2);
  });

  it('extract prints the article as JSON, and exits 3 on a page that is not an article', async () => {
    const page = readFileSync(
      path.join(process.cwd(), 'tests/fixtures/extract/vnexpress/page.html'),
    );
    const ok = await runCli(['extract', '--url', 'https://vnexpress.net/x-4900001.html'], {
      stdin: page,
    });
    expect(ok.code).toBe(0);
    const a = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual(
      ['author', 'body', 'publishedAt', 'sapo', 'section', 'tags', 'title'].sort(),
    );
    expect(a.title).toBe('Đà Lạt mở thêm tuyến xe buýt điện nối sân bay Liên Khương');
    expect(a.publishedAt).toBe('2026-09-12T07:15:42+07:00');

    const no = await runCli(['extract', '--url', 'https://example.vn/'], {
      stdin: '<html><body><ul><li><a href="/a">A</a></li></ul></body></html>',
    });
    expect(no.code).toBe(3);
    expect(isOneLineError(no.stderr)).toBe(true);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends the command quietly, as `diemtin … | head` expects', async () => {
    const child = spawn(process.execPath, [BIN, 'digest', 'build', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the help is written: the child's write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
