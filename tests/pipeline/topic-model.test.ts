// The topic model (pipeline/classify/topic-model.ts): it keeps the topics a long article is
// about and drops the side subjects the rules also find; the shipped model matches the rules
// it was trained with; a bad model file stops the program; training is deterministic.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkModelShape,
  FEATURES,
  probability,
  topicCandidates,
} from '../../pipeline/classify/topic-model.ts';
import { compileTopics, explainTopics, matchTopics } from '../../pipeline/classify/topics.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { ConfigError, loadTopics, TOPIC_MODEL_FILE } from '../../src/config/load.ts';
import { rulesHash } from '../../src/config/topics.ts';
import { parseLabelledSet } from '../../src/eval/dataset.ts';
import { crossValidate, examplesOf, trainTopicModel } from '../../src/eval/topic-training.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const topics = loadTopics(CONFIG);

/** A border story of the usual length, with a budget figure and a festival said in passing. */
const BORDER_STORY = {
  title: 'Bộ đội Biên phòng Lâm Đồng tuần tra chung với lực lượng Campuchia tại cột mốc 41',
  sapo: 'Đồn Biên phòng Bu Prăng và lực lượng bảo vệ biên giới tỉnh Mondulkiri vừa tổ chức tuần tra song phương, kiểm tra hệ thống mốc quốc giới trên tuyến biên giới.',
  body: [
    'Trong hai ngày, tổ tuần tra chung đi qua 18 km đường biên, kiểm tra tình trạng cột mốc 41 và các cọc dấu phụ, phát quang đường tuần tra và trao đổi tình hình an ninh hai bên biên giới.',
    'Hai bên thống nhất tăng cường trao đổi thông tin, phối hợp ngăn chặn xuất cảnh, nhập cảnh trái phép và buôn lậu qua biên giới, nhất là vào mùa khô khi nhiều lối mòn qua lại dễ dàng.',
    'Thượng tá Trần Văn Hải, Chỉ huy trưởng Bộ đội Biên phòng tỉnh, cho biết năm nay tỉnh bố trí 12 tỷ đồng vốn đầu tư công để sửa chữa đường tuần tra và xây hai trạm kiểm soát mới.',
    'Dịp này, đơn vị cũng mời cán bộ phía bạn dự lễ hội mừng lúa mới của đồng bào M’Nông ở xã Quảng Trực, một hoạt động giao lưu hữu nghị được duy trì nhiều năm.',
    'Theo kế hoạch, tuần tra chung sẽ được tổ chức mỗi quý, luân phiên do mỗi bên chủ trì.',
  ].join('\n\n'),
};

describe('the topic model', () => {
  it('ships, trained on the rules topics.yaml holds now (else: diemtin train)', () => {
    expect(topics.model, 'config/topic-model.json').toBeDefined();
    expect(topics.model?.rulesHash, 'the model was trained on other rules: retrain it').toBe(
      rulesHash(topics),
    );
    expect(topics.model?.features).toEqual([...FEATURES]);
  });

  it('keeps the topic a long article is about and drops what it says in passing', () => {
    const doc = tokenizeDoc(BORDER_STORY);
    const rules = matchTopics(doc, compileTopics({ ...topics, model: undefined }));
    const model = matchTopics(doc, compileTopics(topics));
    // The rules see the budget sentence as investment; the model files the story under border.
    expect(rules).toEqual(expect.arrayContaining(['bien-gioi', 'dau-tu-kinh-te']));
    expect(model).toContain('bien-gioi');
    expect(model).not.toContain('dau-tu-kinh-te');
    expect(model.length).toBeLessThan(rules.length);
  });

  it('scores each touched topic from the rules evidence, the same way every time', () => {
    const doc = tokenizeDoc(BORDER_STORY);
    const candidates = topicCandidates(explainTopics(doc, compileTopics(topics)), doc);
    expect(candidates.map((c) => c.x.length)).toEqual(candidates.map(() => FEATURES.length));
    const model = topics.model;
    if (!model) throw new Error('no model');
    const border = candidates.find((c) => c.id === 'bien-gioi');
    const budget = candidates.find((c) => c.id === 'dau-tu-kinh-te');
    expect(border && budget).toBeTruthy();
    expect(probability(model, border?.x ?? [])).toBeGreaterThan(
      probability(model, budget?.x ?? []),
    );
    // The budget is only in the body while the border holds in the title; it is no post.
    const feature = (c: typeof border, name: string): number | undefined =>
      c?.x[FEATURES.indexOf(name)];
    const shadowed = 'another held topic is in the title, this one is not';
    expect(feature(budget, shadowed)).toBe(1);
    expect(feature(border, shadowed)).toBe(0);
    expect(feature(border, 'a post without title')).toBe(0);
    const post = tokenizeDoc({ ...BORDER_STORY, title: '' });
    const postCandidates = topicCandidates(explainTopics(post, compileTopics(topics)), post);
    expect(postCandidates.every((c) => feature(c, 'a post without title') === 1)).toBe(true);
  });

  it('refuses a model made for other features, naming the file', () => {
    const bad = { ...topics.model, features: ['something else'] };
    expect(() => checkModelShape(bad as never)).toThrow(/retrain it/);
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-topics-'));
    cpSync(path.join(CONFIG, 'topics.yaml'), path.join(dir, 'topics.yaml'));
    writeFileSync(path.join(dir, TOPIC_MODEL_FILE), JSON.stringify(bad));
    expect(() => loadTopics(dir)).toThrow(ConfigError);
    expect(() => loadTopics(dir)).toThrow(/topic-model\.json: invalid topic model/);
    // A file that is not JSON is refused too.
    writeFileSync(path.join(dir, TOPIC_MODEL_FILE), '{"features": []');
    expect(() => loadTopics(dir)).toThrow(ConfigError);
  });
});

describe('training the topic model', () => {
  const line = (id: string, title: string, body: string, topicIds: string[]) =>
    JSON.stringify({ id, title, body, labels: { topics: topicIds } });
  const set = (name: string, lines: string[]) => parseLabelledSet(lines.join('\n'), name);
  const a = set('a', [
    line('a1', 'Sạt lở nghiêm trọng trên đèo Prenn', 'Mưa lớn gây sạt lở, lũ quét ở nhiều xã.', [
      'moi-truong-thien-tai',
    ]),
    line('a2', 'Khởi tố vụ buôn lậu gỗ', 'Cơ quan điều tra khởi tố bị can, thu giữ tang vật.', [
      'an-ninh-trat-tu',
    ]),
  ]);
  const b = set('b', [
    line('b1', 'Lễ hội cồng chiêng thu hút du khách', 'Hàng nghìn du khách dự lễ hội.', [
      'du-lich-van-hoa',
    ]),
    line('b2', 'Thu hút đầu tư vào khu công nghiệp', 'Nhà đầu tư cam kết vốn đầu tư lớn.', [
      'dau-tu-kinh-te',
    ]),
  ]);
  const rules = compileTopics({ ...topics, model: undefined });
  const sets = [
    { name: 'a', examples: examplesOf(a, rules) },
    { name: 'b', examples: examplesOf(b, rules) },
  ];

  it('gives the same model from the same sets, recording what it was trained on', () => {
    const one = trainTopicModel(sets, topics, { iterations: 200 });
    const two = trainTopicModel(sets, topics, { iterations: 200 });
    expect(one).toEqual(two);
    expect(one.trainedOn).toEqual([
      { name: 'a', items: 2 },
      { name: 'b', items: 2 },
    ]);
    expect(one.rulesHash).toBe(rulesHash(topics));
    expect(one.weights.some((w) => w !== 0)).toBe(true);
  });

  it('scores each set held out of its own training', () => {
    const cv = crossValidate(sets, topics, { iterations: 200 });
    expect(cv.map((r) => [r.name, r.items])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    for (const r of cv) expect(r.rules.f1).toBe(1);
  });
});
