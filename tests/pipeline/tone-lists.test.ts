// Tone: negation and prevention scope over the items of a list, and the positive language of
// administrative news (results, events, help given) that used to read as neutral.
import { describe, expect, it } from 'vitest';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { compileTone, scoreTone } from '../../pipeline/classify/tone.ts';

const tone = compileTone();
const score = (title: string, body = '') =>
  scoreTone(tokenizeDoc({ title, sapo: '', body }), tone, {
    misinformation: false,
    sourceCategory: null,
  });

describe('tone: negation and prevention reach over a list', () => {
  it('"không để xảy ra sạt lở, ngập úng" negates every item', () => {
    expect(score('Các xã chủ động, không để xảy ra sạt lở, ngập úng').negative).toBe(0);
    expect(score('Mùa mưa năm nay không để xảy ra sạt lở, ngập úng và lũ quét').negative).toBe(0);
  });

  it('a prevention scope that ends its clause covers the bare items after the comma', () => {
    expect(score('Tỉnh diễn tập phòng chống lụt bão, sạt lở và cháy rừng').negative).toBe(0);
  });

  it('the list stops where an item is not bare, or a new sentence or "nhưng" begins', () => {
    expect(score('Không có người bị thương, thiệt hại về tài sản rất lớn').tone).toBe('negative');
    expect(score('Không có người bị thương. Thiệt hại về tài sản rất lớn').tone).toBe('negative');
    expect(score('Không có người bị thương, nhưng thiệt hại ước 2 tỷ đồng').tone).toBe('negative');
    expect(score('Không để xảy ra sạt lở, người dân bị thương ở chân').negative).toBeGreaterThan(0);
  });
});

describe('tone: positive news language', () => {
  it('results of the year and growth over the last one', () => {
    expect(
      score(
        'Thu ngân sách vượt dự toán, kết quả tích cực',
        'Nhiều chỉ tiêu cao hơn cùng kỳ, tạo việc làm cho 2.000 lao động.',
      ).tone,
    ).toBe('positive');
  });

  it('a festival that draws crowds and gives prizes', () => {
    expect(
      score(
        'Hội thi cồng chiêng quy tụ 30 đội nghệ nhân',
        'Hội thi diễn ra sôi nổi, ban tổ chức trao giải cho 10 đội.',
      ).tone,
    ).toBe('positive');
  });

  it('help after a flood reads as help, not as the flood', () => {
    const r = score(
      'Tiếp tế nhu yếu phẩm cho bà con vùng lũ',
      'Lực lượng vũ trang đưa 120 hộ đến nơi an toàn, sửa chữa nhà bị tốc mái.',
    );
    expect(r.tone).toBe('positive');
  });

  it('a visitor praising a place, typed without diacritics', () => {
    expect(
      score('', 'Ho nuoc xinh dep, nen tho, ai len Da Lat nhat dinh phai ghe, rat dang di').tone,
    ).toBe('positive');
  });

  it('announcements and schedules stay neutral', () => {
    expect(score('Thông báo lịch tiếp công dân tháng 12 của UBND tỉnh').tone).toBe('neutral');
    expect(
      score(
        'Hội nghị triển khai kế hoạch năm 2027',
        'Tỉnh đặt mục tiêu tăng trưởng 8%, góp phần nâng cao thu nhập người dân.',
      ).tone,
    ).toBe('neutral');
    expect(score('Lịch thi đấu giải bóng đá thanh niên các xã').tone).toBe('neutral');
  });
});
