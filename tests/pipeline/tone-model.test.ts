// The tone model (pipeline/classify/tone-model.ts): used on long texts only, a short item keeps
// the lexicon rule's tone; the shipped model reads clear long cases right; a bad model file stops
// the program; training is deterministic.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, createClassifyContext } from '../../pipeline/classify/index.ts';
import { scoreTone } from '../../pipeline/classify/tone.ts';
import {
  checkToneModelShape,
  textLength,
  TONE_FEATURES,
  TONES,
  type ToneModel,
} from '../../pipeline/classify/tone-model.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { ConfigError, loadProfile, loadTopics, TONE_MODEL_FILE } from '../../src/config/load.ts';
import { parseLabelledSet } from '../../src/eval/dataset.ts';
import { crossValidateTone, toneExamplesOf, trainToneModel } from '../../src/eval/tone-training.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const topics = loadTopics(CONFIG);
const profile = loadProfile(CONFIG, 'lam-dong');

const LONG = {
  report: {
    title: 'HĐND tỉnh Lâm Đồng sẽ họp kỳ thứ 12 từ ngày 8/12',
    sapo: 'Kỳ họp thường lệ cuối năm dự kiến diễn ra trong bốn ngày tại Đà Lạt, xem xét 36 báo cáo và 28 dự thảo nghị quyết.',
    body: [
      'Theo thông báo của Thường trực HĐND tỉnh, kỳ họp sẽ nghe báo cáo tình hình kinh tế - xã hội năm 2026 và kế hoạch năm 2027, dự toán thu chi ngân sách, kế hoạch đầu tư công trung hạn và các báo cáo của Ủy ban nhân dân tỉnh về công tác phòng chống tham nhũng, phòng chống tội phạm, giải quyết khiếu nại tố cáo.',
      'Các đại biểu sẽ thảo luận ở tổ trong ngày thứ hai, sau đó thảo luận tại hội trường. Phiên chất vấn dự kiến tập trung vào tiến độ giải phóng mặt bằng các dự án giao thông, việc cấp giấy chứng nhận quyền sử dụng đất và công tác quản lý, bảo vệ rừng.',
      'Trước kỳ họp, các tổ đại biểu tiếp xúc cử tri tại 124 xã, phường. Ý kiến, kiến nghị của cử tri đã được tổng hợp, chuyển đến các cơ quan chức năng để trả lời tại kỳ họp.',
      'Kỳ họp được truyền hình, phát thanh trực tiếp phiên khai mạc, phiên chất vấn và phiên bế mạc để cử tri theo dõi.',
    ].join('\n\n'),
  },
  negative: {
    title: 'Sạt lở vùi lấp nhà dân ở Lâm Đồng, ba người tử vong',
    sapo: 'Mưa lớn kéo dài khiến một mảng đồi sạt lở trong đêm, vùi lấp hai căn nhà ở xã Đam Rông, ba người thiệt mạng, hai người bị thương.',
    body: [
      'Khoảng 2 giờ sáng, sau nhiều giờ mưa to, khối đất đá hàng nghìn mét khối từ sườn đồi phía sau đổ xuống, cuốn sập hai căn nhà cấp bốn. Người dân xung quanh nghe tiếng động lớn đã chạy đến ứng cứu nhưng không thể tiếp cận vì đất đá tiếp tục sạt.',
      'Lực lượng công an, quân đội và dân quân xã đã có mặt, dùng máy xúc tìm kiếm. Đến trưa cùng ngày, thi thể ba nạn nhân, gồm hai trẻ nhỏ, được đưa ra ngoài. Hai người bị thương được chuyển đến bệnh viện trong tình trạng nguy kịch.',
      'Theo chính quyền địa phương, khu vực này từng được cảnh báo nguy cơ sạt lở nhưng một số hộ chưa di dời. Mưa lớn cũng làm nhiều tuyến đường liên xã bị chia cắt, hàng chục hecta cà phê bị vùi lấp, thiệt hại ước tính hàng tỷ đồng.',
      'Lãnh đạo tỉnh đã đến hiện trường, chia buồn với gia đình các nạn nhân và yêu cầu khẩn trương rà soát, di dời các hộ dân trong vùng nguy hiểm.',
    ].join('\n\n'),
  },
  positive: {
    title: 'Festival Hoa Đà Lạt thu hút hơn 1,5 triệu lượt khách, doanh thu du lịch tăng mạnh',
    sapo: 'Sau năm ngày diễn ra, Festival Hoa Đà Lạt lần thứ XI đã thành công tốt đẹp, lượng khách và doanh thu du lịch đều vượt kế hoạch.',
    body: [
      'Theo Sở Văn hóa, Thể thao và Du lịch, trong dịp festival, Đà Lạt đón hơn 1,5 triệu lượt khách, tăng 20% so với lần trước; công suất phòng khách sạn đạt 95%. Tổng doanh thu du lịch ước đạt 3.200 tỷ đồng.',
      'Các hoạt động như lễ khai mạc, chương trình nghệ thuật, hội chợ hoa và đêm hội ánh sáng thu hút đông đảo người dân và du khách. Nhiều du khách đánh giá festival năm nay được tổ chức chuyên nghiệp, an toàn, để lại ấn tượng đẹp.',
      'Công tác bảo đảm an ninh trật tự, vệ sinh môi trường được thực hiện tốt; không xảy ra tình trạng chặt chém giá dịch vụ.',
      'Lãnh đạo tỉnh đánh giá cao sự phối hợp của các ngành, doanh nghiệp và người dân, góp phần quảng bá hình ảnh Đà Lạt thân thiện, mến khách.',
    ].join('\n\n'),
  },
};

/** A model that answers `tone` for every text it is asked about. */
function constantModel(tone: (typeof TONES)[number], minLength: number): ToneModel {
  const zeros = TONE_FEATURES.map(() => 0);
  return {
    features: [...TONE_FEATURES],
    classes: [...TONES],
    mean: zeros,
    scale: TONE_FEATURES.map(() => 1),
    weights: TONES.map(() => zeros),
    bias: TONES.map((t) => (t === tone ? 1 : 0)),
    minLength,
    trainedOn: [],
  };
}

describe('the tone model', () => {
  it('ships, for texts from 150 syllables of lead and body', () => {
    expect(topics.toneModel).toBeDefined();
    expect(topics.toneModel?.minLength).toBe(150);
    expect(topics.toneModel?.features).toEqual([...TONE_FEATURES]);
  });

  it("decides long texts only; a short item keeps the rule's tone", () => {
    const ctx = createClassifyContext(profile, {
      ...topics,
      toneModel: constantModel('neutral', 150),
    });
    const long = LONG.negative;
    expect(textLength(tokenizeDoc(long))).toBeGreaterThanOrEqual(150);
    expect(classify({ id: 'l', ...long }, ctx).tone).toBe('neutral');
    const short = { id: 's', title: long.title, sapo: long.sapo, body: '' };
    expect(textLength(tokenizeDoc(short))).toBeLessThan(150);
    expect(classify(short, ctx).tone).toBe('negative');
    // Sensitivity follows the tone the model gave.
    const border = {
      id: 'b',
      title: 'Nhóm đối tượng vượt biên trái phép qua cột mốc 41 bị bắt giữ',
      sapo: 'Đồn Biên phòng Bu Prăng bắt giữ năm người xuất cảnh trái phép qua khu vực cột mốc 41 trên tuyến biên giới Lâm Đồng – Mondulkiri.',
      body: [
        'Khoảng 23 giờ đêm, tổ tuần tra của đồn phát hiện một nhóm người mang theo nhiều ba lô di chuyển theo đường mòn sát đường biên, cách cột mốc 41 chừng 300 mét về phía Việt Nam.',
        'Khi bị yêu cầu dừng lại, cả nhóm bỏ chạy về phía biên giới, một người chống trả làm một chiến sĩ bị thương ở tay. Lực lượng biên phòng đã khống chế, bắt giữ năm người, thu giữ hàng lậu và ba điện thoại.',
        'Qua đấu tranh ban đầu, các đối tượng khai được một đường dây đưa người vượt biên thuê dẫn đường với giá mười triệu đồng mỗi người. Vụ việc đang được tiếp tục điều tra, mở rộng.',
        'Từ đầu năm, các đồn biên phòng trên tuyến đã phát hiện tám vụ xuất cảnh, nhập cảnh trái phép, tăng so với cùng kỳ năm trước.',
      ].join('\n\n'),
    };
    expect(textLength(tokenizeDoc(border))).toBeGreaterThanOrEqual(150);
    expect(classify(border, ctx).sensitive).toBe(false);
    const rulesOnly = createClassifyContext(profile, { ...topics, toneModel: undefined });
    expect(classify(border, rulesOnly)).toMatchObject({ tone: 'negative', sensitive: true });
  });

  it('reads clear long cases as the rule does', () => {
    const ctx = createClassifyContext(profile, topics);
    for (const [want, text] of [
      ['negative', LONG.negative],
      ['positive', LONG.positive],
    ] as const) {
      const doc = tokenizeDoc(text);
      expect(textLength(doc)).toBeGreaterThanOrEqual(150);
      expect(classify({ id: want, ...text }, ctx).tone, want).toBe(want);
      const rule = scoreTone(doc, ctx.tone, { misinformation: false, sourceCategory: null });
      expect(rule.tone).toBe(want);
    }
  });

  it('refuses a model made for other features, naming the file', () => {
    const bad = { ...constantModel('neutral', 150), features: ['x'] };
    expect(() => checkToneModelShape(bad)).toThrow(/retrain it/);
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-tone-'));
    cpSync(path.join(CONFIG, 'topics.yaml'), path.join(dir, 'topics.yaml'));
    writeFileSync(path.join(dir, TONE_MODEL_FILE), JSON.stringify(bad));
    expect(() => loadTopics(dir)).toThrow(ConfigError);
    expect(() => loadTopics(dir)).toThrow(/tone-model\.json: invalid tone model/);
  });
});

describe('training the tone model', () => {
  const items = parseLabelledSet(
    Object.entries(LONG)
      .map(([k, t]) =>
        JSON.stringify({
          id: k,
          ...t,
          labels: { tone: k === 'report' ? 'neutral' : k },
        }),
      )
      .join('\n'),
    'long',
  );
  const ctx = createClassifyContext(profile, topics);
  const examples = toneExamplesOf(items, () => ctx, 'lam-dong');

  it('gives the same model from the same sets', () => {
    const sets = [{ name: 'long', examples }];
    const one = trainToneModel(sets, { iterations: 100 });
    expect(trainToneModel(sets, { iterations: 100 })).toEqual(one);
    expect(one.trainedOn).toEqual([{ name: 'long', items: 3 }]);
    expect(one.weights).toHaveLength(3);
  });

  it('scores each set held out of its own training, beside the rule', () => {
    const cv = crossValidateTone(
      [
        { name: 'a', examples: examples.slice(0, 2) },
        { name: 'b', examples: examples.slice(2) },
      ],
      { minLength: 150 },
    );
    expect(cv.map((r) => [r.name, r.items, r.long])).toEqual([
      ['a', 2, 2],
      ['b', 1, 1],
    ]);
  });
});
