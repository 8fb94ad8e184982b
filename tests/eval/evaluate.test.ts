import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evalCommand } from '../../src/cli/commands/eval.ts';
import { UserError } from '../../src/cli/errors.ts';
import { parseLabelledSet } from '../../src/eval/dataset.ts';
import {
  classifyErrors,
  scoreClassifications,
  scoreStories,
  storyErrors,
  type ClassifyCase,
} from '../../src/eval/evaluate.ts';
import type { Classification } from '../../src/schema.ts';

const got = (x: Partial<Classification> & { id: string }): Classification => ({
  relevant: true,
  relevance: 1,
  mentions: [],
  topics: [],
  tone: 'neutral',
  sensitive: false,
  sensitiveReasons: [],
  ...x,
});

const cases: ClassifyCase[] = [
  {
    labels: {
      relevant: true,
      mentions: ['Đà Lạt'],
      topics: ['du-lich-van-hoa'],
      tone: 'positive',
      sensitive: false,
    },
    got: got({
      id: 'a',
      mentions: [{ name: 'Đà Lạt', field: 'title', count: 1 }],
      topics: ['du-lich-van-hoa'],
      tone: 'positive',
    }),
  },
  {
    labels: {
      relevant: true,
      mentions: ['Bảo Lộc'],
      topics: ['ton-giao'],
      tone: 'negative',
      sensitive: true,
    },
    got: got({
      id: 'b',
      mentions: [{ name: 'Di Linh', field: 'body', count: 1 }],
      topics: ['ton-giao', 'dan-toc'],
      tone: 'neutral',
    }),
  },
  {
    labels: { relevant: false, mentions: [], topics: [], tone: 'neutral', sensitive: false },
    got: got({
      id: 'c',
      relevant: true,
      tone: 'neutral',
      mentions: [{ name: 'Đà Lạt', field: 'body', count: 1 }],
    }),
  },
];

describe('eval: classification scores', () => {
  const s = scoreClassifications(cases);

  it('scores relevance, tone, sensitivity and topics', () => {
    expect([s.relevance.tp, s.relevance.fp, s.relevance.fn]).toEqual([2, 1, 0]);
    expect(s.tone.accuracy).toBeCloseTo(2 / 3);
    // rows: positive, neutral, negative; b was negative, read neutral.
    expect(s.tone.matrix[2]).toEqual([0, 1, 0]);
    expect([s.sensitive.tp, s.sensitive.fp, s.sensitive.fn]).toEqual([0, 0, 1]);
    expect([s.topics.micro.tp, s.topics.micro.fp, s.topics.micro.fn]).toEqual([2, 1, 0]);
    expect(s.topics.perLabel.find((t) => t.label === 'ton-giao')?.support).toBe(1);
  });

  it('scores mentions on the items expected relevant only', () => {
    expect(s.mentions.n).toBe(2);
    expect([s.mentions.tp, s.mentions.fp, s.mentions.fn]).toEqual([1, 1, 1]);
  });

  it('lists each wrong label with expected and got', () => {
    const errors = classifyErrors(cases);
    expect(errors.map((e) => `${e.id} ${e.label}`)).toEqual([
      'b topics',
      'b tone',
      'b sensitive',
      'b mentions',
      'c relevant',
    ]);
    expect(errors[1]).toEqual({ id: 'b', label: 'tone', expected: 'negative', got: 'neutral' });
  });

  it('skips labels a set does not give', () => {
    const partial = scoreClassifications([{ labels: { tone: 'neutral' }, got: got({ id: 'x' }) }]);
    expect(partial.tone.n).toBe(1);
    expect(partial.relevance.n).toBe(0);
    expect(partial.topics.n).toBe(0);
  });
});

describe('eval: stories', () => {
  const truth = [
    { id: '1', storyGroup: 'g1' },
    { id: '2', storyGroup: 'g1' },
    { id: '3', storyGroup: 'g2' },
  ];
  const assignments = [
    { id: '1', storyId: 's1', reach: 2 },
    { id: '2', storyId: 's2', reach: 1 },
    { id: '3', storyId: 's2', reach: 1 },
  ];

  it('scores pairs matched by id', () => {
    const s = scoreStories(truth, assignments);
    expect([s.tp, s.fp, s.fn, s.groups, s.clusters]).toEqual([0, 1, 1, 2, 2]);
  });

  it('names the items whose story mates are wrong', () => {
    expect(storyErrors(truth, assignments).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(storyErrors(truth, assignments)[0]).toMatchObject({ expected: 'with 2', got: 'alone' });
  });
});

describe('eval: labelled set parsing', () => {
  it('reads items, profile, labels and story groups; names a bad line', () => {
    const rows = parseLabelledSet(
      '{"id":"a","profile":"lam-dong","title":"T","body":"B","labels":{"tone":"positive"}}\n\n' +
        '{"id":"b","title":"T","body":"B","storyGroup":"g"}\n',
      'set.jsonl',
    );
    expect(rows.map((r) => [r.item.id, r.profile, r.labels.tone, r.storyGroup])).toEqual([
      ['a', 'lam-dong', 'positive', null],
      ['b', null, undefined, 'g'],
    ]);
    expect(() =>
      parseLabelledSet('{"id":"a","title":"T","body":"B","labels":{"tone":"good"}}', 'x'),
    ).toThrow(/x: line 1: labels\.tone/);
    expect(() => parseLabelledSet('{oops', 'x')).toThrow(/line 1: not valid JSON/);
  });
});

describe('eval: the command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-eval-'));
  const set = path.join(dir, 'set.jsonl');
  const line = (x: object) => JSON.stringify(x);
  writeFileSync(
    set,
    [
      line({
        id: 'e1',
        profile: 'lam-dong',
        title: 'Sạt lở nghiêm trọng trên đèo Prenn, Đà Lạt',
        body: 'Hàng trăm khối đất đá vùi lấp mặt đường, một người bị thương.',
        labels: {
          relevant: true,
          mentions: ['Đà Lạt', 'Đèo Prenn'],
          topics: ['moi-truong-thien-tai'],
          tone: 'negative',
          sensitive: false,
        },
        storyGroup: 'g1',
      }),
      line({
        id: 'e2',
        profile: 'lam-dong',
        title: 'Đà Lạt khai trương đường bay mới, du khách tăng mạnh',
        body: 'Lượng khách đến thành phố tăng trưởng mạnh trong quý.',
        labels: { relevant: true, topics: ['du-lich-van-hoa'], tone: 'positive', sensitive: false },
        storyGroup: 'g2',
      }),
      line({ id: 'e3', profile: 'atlantis', title: 'X', body: 'Y', labels: { tone: 'neutral' } }),
    ].join('\n'),
  );
  let out = '';
  let err = '';
  const capture = () => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  };
  afterEach(() => vi.restoreAllMocks());
  const run = (args: string[]) => evalCommand().parseAsync(args, { from: 'user' });

  it('prints the report and warns about a profile it does not have', async () => {
    capture();
    await run([set, '--errors']);
    expect(err).toMatch(/skipped 1 lines of profile "atlantis"/);
    expect(out).toMatch(/items classified: 2/);
    expect(out).toMatch(/tone {8}accuracy 1\.000/);
    expect(out).toMatch(/stories {5}pairwise P 1\.000/);
    expect(out).toMatch(/errors \(\d+\):/);
  });

  it('prints one JSON object with --json', async () => {
    capture();
    await run([set, '--json', '--profile', 'lam-dong']);
    const json = JSON.parse(out) as {
      items: number;
      classify: { tone: { accuracy: number } };
      errors?: unknown;
    };
    expect(json.items).toBe(2);
    expect(json.classify.tone.accuracy).toBe(1);
    expect(json.errors).toBeUndefined();
  });

  it('joins labels-only lines to their stream texts with --texts', async () => {
    const streams = path.join(dir, 'streams');
    mkdirSync(streams, { recursive: true });
    writeFileSync(
      path.join(streams, 'day.json'),
      JSON.stringify([
        {
          link: 'https://x.vn/a',
          outlet: 'X',
          title: 'Sạt lở trên đèo Prenn, giao thông tê liệt',
          summary: '<a href="https://x.vn/a"><img src="i.jpg"/></a>Đất đá vùi lấp mặt đường.',
        },
        { link: 'https://x.vn/b', title: 'Giá vàng hôm nay', summary: 'Giá vàng giữ nguyên.' },
      ]),
    );
    const labels = path.join(dir, 'labels.jsonl');
    writeFileSync(
      labels,
      [
        line({ n: 1, file: 'day.json', link: 'https://x.vn/a', labels: { tone: 'negative' } }),
        line({ n: 2, file: 'day.json', link: 'https://x.vn/b', labels: { tone: 'positive' } }),
      ].join('\n'),
    );
    capture();
    await run([labels, '--texts', streams, '--errors']);
    expect(out).toMatch(/items classified: 2/);
    expect(out).toMatch(/tone {8}accuracy 0\.500/);
    expect(out).toMatch(/relevance {3}not labelled in this set/);
    expect(out).toMatch(/n2 +tone +expected positive +got neutral/);
    // A link the stream does not hold names the line; without --texts the line is invalid.
    writeFileSync(labels, line({ file: 'day.json', link: 'https://x.vn/zz', labels: {} }));
    await expect(run([labels, '--texts', streams])).rejects.toThrow(
      /line 1: no item with link https:\/\/x\.vn\/zz in day\.json/,
    );
    await expect(run([labels])).rejects.toThrow(/line 1: (id|title)/);
    await expect(run([labels, '--texts', path.join(dir, 'nope')])).rejects.toThrow(
      /folder not found/,
    );
  });

  it('reports a missing file or an unknown --profile as a user error', async () => {
    capture();
    await expect(run([path.join(dir, 'none.jsonl')])).rejects.toBeInstanceOf(UserError);
    await expect(run([set, '--profile', 'atlantis'])).rejects.toThrow(/no province profile/);
  });
});
