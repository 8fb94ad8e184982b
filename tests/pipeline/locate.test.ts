import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/config/load.ts';
import { ProvinceProfile } from '../../src/config/province.ts';
import { compileProfile, locate } from '../../pipeline/locate.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const lamDong = compileProfile(loadProfile(CONFIG, 'lam-dong'));

const body = (text: string) => locate({ title: '', sapo: '', body: text }, lamDong);
const names = (text: string) => body(text).mentions.map((m) => m.name);

describe('locate: spellings of the province', () => {
  it.each([
    ['Đắk Nông', 'Mưa lớn ở Đắk Nông'],
    ['Đăk Nông (legacy ă)', 'Mưa lớn ở Đăk Nông'],
    ['Đắc Nông', 'Mưa lớn ở Đắc Nông'],
    ['DAK NONG (caps, no marks)', 'MUA LON O DAK NONG'],
    ['Dak Nong in an accented text', 'Công ty cà phê Dak Nong mở rộng nhà máy'],
    ['dak nong (lowercase, no marks)', 'mua lon o dak nong'],
    ['ĐẮK NÔNG (caps)', 'ĐẮK NÔNG MÙA DÃ QUỲ'],
    ['NFD input', 'Mưa lớn ở Đắk Nông'.normalize('NFD')],
  ])('%s → Đắk Nông', (_label, text) => {
    const r = body(text);
    expect(r.relevant).toBe(true);
    expect(r.mentions.map((m) => m.name)).toEqual(['Đắk Nông']);
  });

  it('reads old tone placement (hoà / thuỷ) like the new one', () => {
    expect(names('Phường Phú Thuỷ, Phan Thiết')).toEqual(['Phú Thủy', 'Phan Thiết']);
    expect(names('Xã Hoà Ninh, tỉnh Lâm Đồng')).toEqual(['Hòa Ninh', 'Lâm Đồng']);
  });
});

describe('locate: look-alikes are not places', () => {
  it.each([
    'Nông nghiệp xanh giúp nông dân tăng thu nhập',
    'Cánh đồng bằng phẳng mênh mông',
    'Gia đình trẻ chọn sống tối giản',
    'Ngành lâm nghiệp trồng mới 2.000 ha rừng',
    'Cần hiểu tiết kiệm là gì trước khi đầu tư', // "là gì" is not La Gi
    'Nông dân đi làm đồng từ sáng sớm', // "làm đồng" is not Lâm Đồng
    'Cảnh báo bão lốc trên vùng biển', // "bão lốc" is not Bảo Lộc
    'Doanh nghiệp tranh thủ nhân cơ hội giá tăng', // "nhân cơ" is not the commune Nhân Cơ
    'Khởi công dự án ở phía Nam Đà Nẵng', // "Nam Đà" heads a longer name
    'Nghệ sĩ Nguyễn Đức Trọng ra mắt album', // a person, not the former district
  ])('%s', (text) => {
    expect(body(text)).toEqual({ relevant: false, relevance: 0, mentions: [] });
  });

  it('does not take Đắk Lắk for Đắk Nông', () => {
    expect(body('Đắk Lắk: hơn 2.000 hộ dân được cấp nước sạch').relevant).toBe(false);
  });

  it('does not take a region alone as the province', () => {
    expect(body('Tây Nguyên cần cơ chế đặc thù; Nam Trung Bộ mưa lớn').relevant).toBe(false);
  });
});

describe('locate: ambiguous names need context', () => {
  it('ignores a commune shared by many provinces when alone', () => {
    expect(body('Người dân xã Tân Phú phản ánh ô nhiễm từ trại heo').relevant).toBe(false);
    expect(body('Đồn biên phòng xã Đắk Song tuần tra').relevant).toBe(false);
  });

  it('counts it next to an unambiguous place of the province', () => {
    const r = body('Người dân xã Tân Phú, huyện Đức Trọng phản ánh ô nhiễm');
    expect(r.relevant).toBe(true);
    // Tân Phú is not in the profile (it is in no new ward list of Lâm Đồng); Đắk Song is.
    const r2 = body('Bắt xe gỗ lậu ở Đắk Song, Công an tỉnh Lâm Đồng điều tra');
    expect(r2.mentions.map((m) => m.name)).toEqual(['Đắk Song', 'Lâm Đồng']);
  });

  it('takes the poet Hồ Xuân Hương for the lake only with context', () => {
    expect(body('Thơ Hồ Xuân Hương được dịch ra tiếng Anh').relevant).toBe(false);
    expect(names('Dạo quanh hồ Xuân Hương ở Đà Lạt')).toEqual(['Hồ Xuân Hương', 'Đà Lạt']);
  });
});

describe('locate: mentions and relevance', () => {
  it('reports a landmark and the place it contains', () => {
    const r = locate({ title: 'Sạt lở trên đèo Bảo Lộc', sapo: '', body: '' }, lamDong);
    expect(r.mentions).toEqual([
      { name: 'Đèo Bảo Lộc', field: 'title', count: 1 },
      { name: 'Bảo Lộc', field: 'title', count: 1 },
    ]);
  });

  it('does not report a name nested in a longer one', () => {
    expect(names('Tai nạn ở Hàm Thuận Nam')).toEqual(['Hàm Thuận Nam']);
  });

  it('counts per field with the canonical name', () => {
    const r = locate(
      {
        title: 'Dalat đón khách',
        sapo: 'Đà Lạt và Đà Lạt',
        body: 'Tới Đà Lạt.',
      },
      lamDong,
    );
    expect(r.mentions).toEqual([
      { name: 'Đà Lạt', field: 'title', count: 1 },
      { name: 'Đà Lạt', field: 'sapo', count: 2 },
      { name: 'Đà Lạt', field: 'body', count: 1 },
    ]);
  });

  it('scores prominence: title > sapo > body, early > late, more > fewer', () => {
    const filler = 'Người dân địa phương cho biết thời tiết thuận lợi. '.repeat(12);
    const t = locate({ title: 'Mưa ở Đà Lạt', sapo: '', body: '' }, lamDong).relevance;
    const s = locate({ title: '', sapo: 'Mưa ở Đà Lạt', body: '' }, lamDong).relevance;
    const early = body('Mưa ở Đà Lạt. ' + filler).relevance;
    const late = body(filler + 'Mưa ở Đà Lạt.').relevance;
    const twice = body(filler + 'Mưa ở Đà Lạt, Đà Lạt.').relevance;
    expect(t).toBeGreaterThan(s);
    expect(s).toBeGreaterThan(early);
    expect(early).toBeGreaterThan(late);
    expect(twice).toBeGreaterThan(late);
    for (const x of [t, s, early, late, twice]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});

describe('compileProfile', () => {
  it('works from a minimal profile, with partOf chains', () => {
    const p = compileProfile(
      ProvinceProfile.parse({
        id: 'mini',
        name: 'Lâm Đồng',
        places: [
          { name: 'Đà Lạt', kind: 'capital' },
          { name: 'Xuân Trường - Đà Lạt', kind: 'ward', partOf: 'Đà Lạt' },
        ],
      }),
    );
    const r = locate({ title: '', sapo: 'Phường Xuân Trường - Đà Lạt', body: '' }, p);
    expect(r.mentions.map((m) => m.name)).toEqual(['Xuân Trường - Đà Lạt', 'Đà Lạt']);
  });
});
