// Tone (taxonomy §3) on hand-written news sentences: negation, denials, relief, intensifiers,
// text without diacritics, and the lexicon's own consistency.
import { describe, expect, it } from 'vitest';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { compileTone, scoreTone } from '../../pipeline/classify/tone.ts';
import {
  DENIAL_CUES,
  INTENSIFIERS,
  NEGATIVE,
  NEGATORS,
  NEUTRAL_BLOCKERS,
  NEUTRAL_FRAMES,
  NON_NEGATORS,
  POSITIVE,
  POST_INTENSIFIERS,
  PREVENTIVES,
  RELIEF,
} from '../../pipeline/classify/tone-lexicon.ts';
import type { SourceCategory } from '../../src/schema.ts';

const tone = compileTone();
type Opts = { sapo?: string; body?: string; misinformation?: boolean; source?: SourceCategory };
const score = (title: string, o: Opts = {}) =>
  scoreTone(tokenizeDoc({ title, sapo: o.sapo ?? '', body: o.body ?? '' }), tone, {
    misinformation: o.misinformation ?? false,
    sourceCategory: o.source ?? null,
  });
const toneOf = (title: string, o: Opts = {}) => score(title, o).tone;

describe('tone: negation', () => {
  it('"chưa phát hiện vi phạm" is no violation', () => {
    expect(toneOf('Kiểm tra 40 cơ sở kinh doanh xăng dầu ở Bảo Lộc, phát hiện nhiều vi phạm')).toBe(
      'negative',
    );
    expect(
      toneOf('Kiểm tra 40 cơ sở kinh doanh xăng dầu ở Bảo Lộc, chưa phát hiện vi phạm'),
    ).not.toBe('negative');
  });

  it('"không có chuyện…" negates the claim it introduces', () => {
    const r = score('Không có chuyện hàng trăm hộ dân bị lừa đảo');
    expect(r.negative).toBe(0);
    expect(r.tone).not.toBe('negative');
  });

  it('"không hề", "chưa từng" reach over a few syllables, but not past the clause', () => {
    expect(toneOf('Khu dân cư không hề bị ngập sâu')).not.toBe('negative');
    expect(toneOf('Năm nay chưa từng xảy ra cháy rừng')).not.toBe('negative');
    // The negator's clause ends at "nhưng": the loss after it counts.
    expect(toneOf('Không có người bị thương nhưng thiệt hại về tài sản rất lớn')).toBe('negative');
  });

  it('negated praise reads as blame, pseudo-negators do not negate', () => {
    expect(toneOf('Dự án chưa hoàn thành, không hiệu quả, gây lãng phí')).toBe('negative');
    expect(toneOf('Du lịch không ngừng tăng trưởng, thu hút đông đảo du khách')).toBe('positive');
    expect(toneOf('Không chỉ đẹp mà còn được công nhận là điểm đến hấp dẫn')).toBe('positive');
  });

  it('"giảm" before a harm is good news, before a gain is bad news', () => {
    expect(score('Kéo giảm tai nạn giao thông trên cả ba tiêu chí').negative).toBe(0);
    expect(score('Mưa kéo dài làm giảm hiệu quả sản xuất').positive).toBe(0);
  });
});

describe('tone: official denial of a rumour', () => {
  it("a denial is never negative: the harm words are the rumour's", () => {
    const title = 'Sở Y tế bác bỏ tin đồn dịch bệnh bùng phát, nhiều người tử vong';
    expect(toneOf(title)).toBe('negative'); // without the misinformation topic: a plain report
    const r = score(title, { misinformation: true, source: 'provincial-press' });
    expect(r.denial).toBe(true);
    expect(r.tone).not.toBe('negative');
  });

  it('the rumour told by a foreign outlet stays negative', () => {
    const r = score('Rộ tin chính quyền cưỡng chế đất, người dân bức xúc', {
      sapo: 'Chính quyền lên tiếng nhưng người dân vẫn hoang mang.',
      misinformation: true,
      source: 'foreign-vietnamese',
    });
    expect(r.denial).toBe(false);
    expect(r.tone).toBe('negative');
  });

  it('hearsay spreading a rumour is negative', () => {
    expect(toneOf('Nghe đồn sắp thu phí vào hồ, dân bức xúc lắm')).toBe('negative');
  });
});

describe('tone: a positive story with a negative word', () => {
  it('"khắc phục hậu quả bão" is help given', () => {
    expect(toneOf('Khắc phục hậu quả bão, thông tuyến quốc lộ 20')).toBe('positive');
    expect(toneOf('Bão gây thiệt hại nặng nề, sạt lở nhiều nơi')).toBe('negative');
  });

  it('a relief title frames the damage told in the body', () => {
    const r = score('Hỗ trợ người dân khắc phục thiệt hại sau lũ quét', {
      sapo: 'Tỉnh trao 500 triệu đồng cho các hộ bị ảnh hưởng.',
      body: 'Trận lũ quét làm hư hỏng 30 căn nhà và cuốn trôi nhiều tài sản.',
    });
    expect(r.tone).toBe('positive');
  });

  it('charity for families in hardship is not harm', () => {
    expect(toneOf('Trao 200 suất quà cho học sinh có hoàn cảnh khó khăn')).toBe('positive');
  });

  it('overcoming difficulties is an achievement', () => {
    expect(toneOf('Nông dân vượt khó, làm giàu từ cây mắc ca')).toBe('positive');
  });

  it('a crime solved is still a crime story', () => {
    expect(toneOf('Bắt nhanh nhóm cướp tiệm vàng, thu hồi toàn bộ tài sản')).toBe('negative');
  });
});

describe('tone: intensifiers', () => {
  it('raise the phrase before or after them', () => {
    const plain = score('Cơ sở vi phạm về môi trường');
    const pre = score('Cơ sở vi phạm rất nặng về môi trường');
    const post = score('Cơ sở vi phạm nghiêm trọng về môi trường');
    expect(post.negative).toBeGreaterThan(plain.negative);
    expect(post.negative).toBeCloseTo(plain.negative * 1.5);
    expect(pre.negative).toBeGreaterThanOrEqual(plain.negative);
  });

  it('a degree word alone carries its own valence, a pre-intensifier alone none', () => {
    expect(score('Tình hình nghiêm trọng tại khu vực đầu nguồn').negative).toBeGreaterThan(0);
    expect(score('Đặc biệt là du khách nước ngoài').negative).toBe(0);
  });

  it('"rất" lifts praise over the threshold', () => {
    expect(toneOf('Du khách rất hài lòng')).toBe('positive');
  });
});

describe('tone: text without diacritics', () => {
  it('reads social posts typed without marks', () => {
    expect(toneOf('', { body: 'nghe noi sap thu phi vao ho, dan buc xuc lam, buon that' })).toBe(
      'negative',
    );
    expect(
      toneOf('', { body: 'da lat mua nay dep tuyet voi, khong khi trong lanh, yeu qua' }),
    ).toBe('positive');
    expect(toneOf('', { body: 'khong co thuong vong, moi nguoi an toan tro ve' })).not.toBe(
      'negative',
    );
  });
});

describe('tone: plain reports stay neutral', () => {
  it('announcements, schedules and a championship name', () => {
    expect(toneOf('Lịch thi đấu giải vô địch quốc gia ngày 15-10')).toBe('neutral');
    expect(toneOf('Công bố quyết định bổ nhiệm Giám đốc Sở Xây dựng')).toBe('neutral');
    expect(toneOf('Họp báo thông tin kết quả kỳ họp thứ 5')).toBe('neutral');
  });
});

describe('tone: plans and announcements (neutral frames)', () => {
  it('a target or a forecast in the title makes the gains it names aims, not results', () => {
    const sapo = 'Doanh thu dự kiến tăng trưởng 12%, thu hút đầu tư vào chế biến sâu.';
    expect(toneOf('Ngành nông nghiệp đặt mục tiêu xuất khẩu 2 tỷ USD', { sapo })).toBe('neutral');
    expect(toneOf('Ngành nông nghiệp xuất khẩu 2 tỷ USD', { sapo })).toBe('positive');
    expect(toneOf('Doanh nghiệp Hàn Quốc khảo sát đầu tư tại Bảo Lộc', { sapo })).toBe('neutral');
  });

  it('a groundbreaking is the start of a plan', () => {
    expect(
      toneOf('Khởi công đường nối Đà Lạt với cao tốc', {
        sapo: 'Công trình dự kiến hoàn thành năm 2028.',
      }),
    ).toBe('neutral');
  });

  it('an achievement in the title still counts, and the frame never hides harm', () => {
    expect(toneOf('Ngành điện hoàn thành kế hoạch năm trước hai tháng')).toBe('positive');
    expect(toneOf('Hội nghị bàn cách xử lý sạt lở gây thiệt hại nặng nề ở Di Linh')).toBe(
      'negative',
    );
  });
});

describe('tone: common news polarity', () => {
  it('production, operation and a good catch are achievements', () => {
    expect(toneOf('Ngư dân Phan Thiết trúng đậm mùa cá cơm')).toBe('positive');
    expect(toneOf('Nhà máy nước Đơn Dương chính thức vận hành, nâng công suất gấp đôi')).toBe(
      'positive',
    );
    expect(toneOf('Hợp tác xã ký hợp đồng bao tiêu, nguồn hàng dồi dào')).toBe('positive');
  });

  it('help given to poor households is positive', () => {
    expect(toneOf('Biên phòng trao 30 con bò giống cho hộ nghèo')).toBe('positive');
  });

  it('coercion, loss of land and irregular acts are harm', () => {
    expect(toneOf('Người dân nói bị ép ký nhận đền bù, mất đất canh tác')).toBe('negative');
    expect(toneOf('Cán bộ xã bị tố sách nhiễu người dân')).toBe('negative');
    expect(toneOf('Chủ đầu tư xây dựng trái quy định, ngang nhiên lấn suối')).toBe('negative');
  });

  it('roads cut and villages isolated by a flood are harm', () => {
    expect(toneOf('Mưa lớn làm chia cắt tỉnh lộ, ba thôn bị cô lập')).toBe('negative');
  });

  it('unfair compensation not yet paid reads as blame', () => {
    expect(toneOf('Hơn 60 hộ dân chưa được bồi thường thỏa đáng')).toBe('negative');
  });

  it('interest rates, recreation, cooperatives and a delegation leader carry no valence', () => {
    expect(toneOf('Ngân hàng điều chỉnh lãi suất cho vay')).toBe('neutral');
    expect(toneOf('Khu vui chơi mở cửa từ 8 giờ')).toBe('neutral');
    expect(toneOf('Phó Chủ tịch tỉnh dẫn đầu đoàn công tác sang Lào')).toBe('neutral');
    expect(score('Thành lập hợp tác xã rau ở Đức Trọng').positive).toBe(0);
  });

  it('a prevention campaign reaches over a longer object', () => {
    expect(toneOf('Tuyên truyền phòng, chống khai thác hải sản bất hợp pháp cho ngư dân')).toBe(
      'neutral',
    );
  });
});

describe('tone: the lexicon', () => {
  it('lists every phrase once, so no entry shadows another', () => {
    const all = [
      ...NEGATIVE.map(([p]) => p),
      ...POSITIVE.map(([p]) => p),
      ...NEUTRAL_BLOCKERS,
      ...NEUTRAL_FRAMES,
      ...NON_NEGATORS,
      ...NEGATORS.map(([p]) => p),
      ...PREVENTIVES.map(([p]) => p),
      ...INTENSIFIERS.map(([p]) => p),
      ...POST_INTENSIFIERS.map(([p]) => p),
      ...RELIEF.map(([p]) => p),
    ].map((p) => p.normalize('NFC').toLowerCase());
    const dupes = all.filter((p, i) => all.indexOf(p) !== i);
    expect(dupes).toEqual([]);
    expect(DENIAL_CUES.length).toBeGreaterThan(5);
  });

  it('uses only the documented weights', () => {
    for (const [, w] of [...NEGATIVE, ...POSITIVE]) expect([0.5, 1, 1.5, 2]).toContain(w);
  });
});
