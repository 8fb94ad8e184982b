// Hard cases of locate with the generated profiles (taxonomy.md §1).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/config/load.ts';
import { compileProfile, locate } from '../../pipeline/locate.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const lamDong = compileProfile(loadProfile(CONFIG, 'lam-dong'));
const giaLai = compileProfile(loadProfile(CONFIG, 'gia-lai'));
const inBody = (text: string, p = lamDong) => locate({ title: '', sapo: '', body: text }, p);

describe('spellings of a former province', () => {
  it.each([
    'Mưa lớn ở Đăk Nông',
    'Công ty cà phê Dak Nong mở rộng nhà máy',
    'MUA LON O DAK NONG',
    'Cà phê Đắk Nông được mùa',
  ])('%s → Đắk Nông', (text) => {
    expect(inBody(text).mentions.map((m) => m.name)).toEqual(['Đắk Nông']);
  });

  it('finds Bình Định for Gia Lai, with or without marks', () => {
    expect(inBody('Ngư dân Bình Định ra khơi', giaLai).relevant).toBe(true);
    expect(inBody('ngu dan binh dinh ra khoi', giaLai).relevant).toBe(true);
  });
});

describe('look-alikes are neither Lâm Đồng nor Gia Lai', () => {
  it.each([
    'Nông nghiệp xanh giúp nông dân tăng thu nhập',
    'Cánh đồng bằng phẳng mênh mông',
    'Gia đình trẻ chọn sống tối giản',
    'Đắk Lắk: hơn 2.000 hộ dân được cấp nước sạch',
    'Lai lịch của nghi phạm đã được làm rõ',
  ])('%s', (text) => {
    expect(inBody(text, lamDong).relevant).toBe(false);
    expect(inBody(text, giaLai).relevant).toBe(false);
  });
});

describe('an ambiguous commune needs an unambiguous place', () => {
  it('Tân Thành (a commune of Lâm Đồng and of many provinces) alone is not enough', () => {
    expect(inBody('Xã Tân Thành tổ chức ngày hội đại đoàn kết').relevant).toBe(false);
    expect(inBody('Xã Tân Thành, huyện Hàm Tân tổ chức ngày hội').relevant).toBe(false);
  });

  it('with a place of the province it counts, and is reported', () => {
    const r = inBody('Xã Tân Thành (Lâm Đồng) tổ chức ngày hội đại đoàn kết');
    expect(r.mentions.map((m) => m.name)).toEqual(['Tân Thành', 'Lâm Đồng']);
    expect(inBody('Xã Tân Thành gần Phan Thiết tổ chức ngày hội').relevant).toBe(true);
  });

  it('does so for Gia Lai too (Đăk Song is also a former district of Lâm Đồng)', () => {
    expect(inBody('Xã Đăk Song tổ chức lễ hội', giaLai).relevant).toBe(false);
    expect(inBody('Xã Đăk Song, tỉnh Gia Lai tổ chức lễ hội', giaLai).relevant).toBe(true);
  });
});
