import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ProvinceProfile } from '../../src/config/province.ts';
import type { AdminTables, LegacyUnit } from '../../src/profiles/admin.ts';
import { parseAdminTables } from '../../src/profiles/admin.ts';
import { countPlaces, generateProfile, toProfileInput } from '../../src/profiles/generate.ts';
import { nameKey, stripUnitPrefix } from '../../src/profiles/names.ts';
import { Overlay } from '../../src/profiles/overlay.ts';
import { renderProfileYaml, yamlScalar } from '../../src/profiles/render.ts';
import { ruleVariants } from '../../src/profiles/variants.ts';

const LD = 'Tỉnh Lâm Đồng';
const legacy = (
  province: string,
  district: string,
  name: string,
  newProvince: string,
  type = name.split(' ')[0] === 'Thị' ? 'Thị trấn' : 'Xã',
): LegacyUnit => ({
  province,
  district,
  districtType: district.startsWith('Thành phố') ? 'Thành phố' : 'Huyện',
  name,
  type,
  newProvince,
});

// A tiny country: Lâm Đồng (with Đắk Nông and Bình Thuận merged in) and Đồng Nai.
const TABLES: AdminTables = {
  newUnits: [
    { province: LD, name: 'Phường Cam Ly - Đà Lạt', type: 'Phường' },
    { province: LD, name: 'Phường 1 Bảo Lộc', type: 'Phường' },
    { province: LD, name: 'Phường Bình Thuận', type: 'Phường' },
    { province: LD, name: 'Xã Di Linh', type: 'Xã' },
    { province: LD, name: 'Xã Tân Phú', type: 'Xã' },
    { province: LD, name: 'Xã Đắk Sắk', type: 'Xã' },
    { province: LD, name: 'Xã Nam Ban Lâm Hà', type: 'Xã' },
    { province: LD, name: 'Đặc khu Phú Quý', type: 'Đặc khu' },
    { province: 'Tỉnh Đồng Nai', name: 'Xã Tân Phú', type: 'Xã' },
  ],
  legacyUnits: [
    legacy(LD, 'Thành phố Đà Lạt', 'Phường 1', LD, 'Phường'),
    legacy(LD, 'Thành phố Bảo Lộc', 'Phường Lộc Phát', LD, 'Phường'),
    legacy(LD, 'Huyện Di Linh', 'Thị trấn Di Linh', LD),
    legacy(LD, 'Huyện Lâm Hà', 'Thị trấn Nam Ban', LD),
    legacy(LD, 'Huyện Bảo Lâm', 'Xã Lộc An', LD),
    legacy('Tỉnh Đắk Nông', 'Huyện Đăk Glong', 'Xã Quảng Sơn', LD),
    legacy('Tỉnh Đắk Nông', 'Huyện Krông Nô', 'Xã Nâm Nung', LD),
    legacy('Tỉnh Bình Thuận', 'Huyện Phú Quí', 'Xã Ngũ Phụng', LD),
    legacy('Tỉnh Cao Bằng', 'Huyện Bảo Lâm', 'Xã Lý Bôn', 'Tỉnh Cao Bằng'),
    legacy('Tỉnh Hải Dương', 'Huyện Nam Sách', 'Xã Nam Ban', 'Thành phố Hải Phòng'),
  ],
  districts: [
    { province: LD, name: 'Thành phố Đà Lạt', type: 'Thành phố' },
    { province: LD, name: 'Thành phố Bảo Lộc', type: 'Thành phố' },
    { province: 'Tỉnh Cao Bằng', name: 'Huyện Bảo Lâm', type: 'Huyện' },
  ],
};

const places = (overlay = Overlay.parse({ capital: 'Đà Lạt' })) =>
  new Map(
    generateProfile(TABLES, 'lam-dong', overlay)
      .groups.flatMap((g) => g.places)
      .map((p) => [p.place.name, p] as const),
  );

describe('names', () => {
  it.each([
    ['Phường Cam Ly - Đà Lạt', 'Cam Ly - Đà Lạt'],
    ['Thị Xã Việt Yên', 'Việt Yên'],
    ['Thị trấn Di Linh', 'Di Linh'],
    ['Đặc khu Phú Quý', 'Phú Quý'],
    ['Xã Xuân Trường', 'Xuân Trường'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Tỉnh Đắk Nông', 'Đắk Nông'],
  ])('strips the unit prefix of %s', (full, bare) => {
    expect(stripUnitPrefix(full)).toBe(bare);
  });

  it('keys names by folded syllables, apostrophes and qui/quy aside', () => {
    expect(nameKey("Đắk R'Lấp")).toBe(nameKey('Đăk Rlấp'));
    expect(nameKey('Phú Quí')).toBe(nameKey('Phú Quý'));
    expect(nameKey('Đắk Lắk')).not.toBe(nameKey('Đắk Nông'));
  });
});

describe('variant rules', () => {
  it('writes the other forms of Đắk and the name without marks', () => {
    expect(ruleVariants('Đắk Mil')).toEqual(['Đăk Mil', 'Đắc Mil', 'Đak Mil', 'Dak Mil']);
    expect(ruleVariants('Đắk Nông', { unmarked: true })).toContain('Dak Nong');
  });

  it('writes Krông as Krong, and nothing the matcher already reads alike', () => {
    expect(ruleVariants('Krông Pa')).toEqual(['Krong Pa']);
    expect(ruleVariants('Di Linh', { unmarked: true })).toEqual([]); // already without marks
    expect(ruleVariants('Lâm Đồng')).toEqual([]);
    expect(ruleVariants('Lâm Đồng', { unmarked: true })).toEqual(['Lam Dong']);
  });
});

describe('generateProfile on a synthetic table', () => {
  it('finds the former provinces and gives them variants', () => {
    const g = generateProfile(TABLES, 'lam-dong');
    expect(g.name).toBe('Lâm Đồng');
    expect(g.variants).toEqual(['Lam Dong']);
    expect(g.formerProvinces.map((f) => f.name).sort()).toEqual(['Bình Thuận', 'Đắk Nông']);
    expect(g.formerProvinces.find((f) => f.name === 'Đắk Nông')?.variants).toEqual([
      'Đăk Nông',
      'Đắc Nông',
      'Đak Nông',
      'Dak Nong',
    ]);
  });

  it('strips prefixes and reads "X - Đà Lạt" and "Nam Ban Lâm Hà" as parts of a bigger unit', () => {
    const p = places();
    expect(p.get('Cam Ly - Đà Lạt')?.place).toMatchObject({ kind: 'ward', partOf: 'Đà Lạt' });
    expect(p.get('Nam Ban Lâm Hà')?.place).toMatchObject({ kind: 'commune', partOf: 'Lâm Hà' });
    expect(p.get('Đắk Sắk')?.place.kind).toBe('commune');
    expect([...p.keys()].some((n) => /^(Xã|Phường|Đặc khu|Thị trấn) /.test(n))).toBe(false);
  });

  it('computes ambiguity from the national lists, with the evidence', () => {
    const p = places();
    // 2025 list: a commune of Đồng Nai; pre-2025 district list: a district of Cao Bằng;
    // pre-2025 ward list: a commune of Hải Dương.
    expect(p.get('Tân Phú')).toMatchObject({
      place: { ambiguous: true },
      note: 'also in Đồng Nai',
    });
    expect(p.get('Bảo Lâm')).toMatchObject({
      place: { ambiguous: true },
      note: 'also in Cao Bằng',
    });
    expect(p.get('Nam Ban')).toMatchObject({ place: { kind: 'town', ambiguous: true } });
    // Only inside the province (pre-2025 Lâm Đồng and the 2025 province): not ambiguous.
    expect(p.get('Di Linh')?.place.ambiguous).toBe(false);
    expect(p.get('Đà Lạt')?.place).toMatchObject({ kind: 'capital', ambiguous: false });
  });

  it('merges a 2025 unit into its pre-2025 namesake and drops province names', () => {
    const g = generateProfile(TABLES, 'lam-dong');
    const p = places();
    expect(p.get('Di Linh')?.place.kind).toBe('former-district');
    // The 2025 spelling is the name; the GSO one is a variant the matcher needs.
    expect(p.get('Phú Quý')?.place).toMatchObject({
      kind: 'former-district',
      variants: ['Phú Quí'],
    });
    // Đăk Glong (GSO) is reported as Đắk Glong, its own spelling a variant.
    expect(p.get('Đắk Glong')?.place.variants).toContain('Đăk Glong');
    expect(p.get('Krông Nô')?.place.variants).toEqual(['Krong Nô']);
    expect(p.has('Bình Thuận')).toBe(false);
    expect(p.has('1 Bảo Lộc')).toBe(false);
    expect(g.report.join('\n')).toMatch(/Bình Thuận" left out/);
    expect(g.report.join('\n')).toMatch(/reported as Bảo Lộc: 1 Bảo Lộc/);
  });

  it('applies the overlay: a judged ambiguity, a landmark, a kind', () => {
    const overlay = Overlay.parse({
      capital: 'Đà Lạt',
      places: [
        { name: 'Tân Phú', ambiguous: false, reason: 'test: judged unique' },
        { name: 'Hồ Tuyền Lâm', kind: 'landmark', variants: ['hồ Tuyền Lâm'] },
      ],
    });
    const p = places(overlay);
    expect(p.get('Tân Phú')).toMatchObject({
      place: { ambiguous: false },
      note: 'test: judged unique',
    });
    expect(p.get('Hồ Tuyền Lâm')?.place).toMatchObject({ kind: 'landmark', ambiguous: false });
  });

  it('refuses an overlay judgement without a reason, and an unknown place without a kind', () => {
    expect(Overlay.safeParse({ places: [{ name: 'Tân Phú', ambiguous: false }] }).success).toBe(
      false,
    );
    expect(() =>
      generateProfile(TABLES, 'lam-dong', Overlay.parse({ places: [{ name: 'Nowhere' }] })),
    ).toThrow(/give a kind/);
    expect(() => generateProfile(TABLES, 'atlantis')).toThrow(/no 2025 province/);
  });

  it('renders YAML that parses back to the same valid profile', () => {
    const g = generateProfile(TABLES, 'lam-dong', Overlay.parse({ capital: 'Đà Lạt' }));
    const yaml = renderProfileYaml(g, { sources: ['a.csv'], command: 'x', overlay: 'o.yaml' });
    expect(yaml).toMatch(/^# Province profile lam-dong/);
    expect(yaml).toMatch(/^ {2}- \{ name: Cam Ly - Đà Lạt, kind: ward, partOf: Đà Lạt \}$/m);
    const parsed = ProvinceProfile.parse(parseYaml(yaml));
    expect(parsed).toEqual(ProvinceProfile.parse(toProfileInput(g)));
    expect(countPlaces(g).capital).toBe(1);
  });

  it('quotes only what YAML would misread', () => {
    expect(yamlScalar('Đà Lạt')).toBe('Đà Lạt');
    expect(yamlScalar("D'Ran")).toBe("D'Ran");
    expect(yamlScalar('yes')).toBe("'yes'");
    expect(yamlScalar('a: b')).toBe("'a: b'");
    expect(yamlScalar("'x: y'")).toBe('"\'x: y\'"');
  });
});

describe('parseAdminTables', () => {
  it('reads the three CSVs, quoted fields and BOM included', () => {
    const t = parseAdminTables({
      newUnits: 'province,ward,wardType\n"Tỉnh Lâm Đồng","Phường Cam Ly - Đà Lạt",Phường\n',
      legacyUnits:
        'province,district,districtType,ward,wardType,newProvince\r\n' +
        'Tỉnh Đắk Nông,Huyện Cư Jút,Huyện,Xã Nam Dong,Xã,Tỉnh Lâm Đồng\r\n',
      districts: '\ufeffMã,Tên,Cấp,Tỉnh / Thành Phố\n660,"Huyện Cư Jút",Huyện,Tỉnh Đắk Nông\n',
    });
    expect(t.newUnits).toEqual([
      { province: 'Tỉnh Lâm Đồng', name: 'Phường Cam Ly - Đà Lạt', type: 'Phường' },
    ]);
    expect(t.legacyUnits[0]).toMatchObject({
      district: 'Huyện Cư Jút',
      newProvince: 'Tỉnh Lâm Đồng',
    });
    expect(t.districts).toEqual([
      { province: 'Tỉnh Đắk Nông', name: 'Huyện Cư Jút', type: 'Huyện' },
    ]);
  });

  it('names the table and the column that is missing', () => {
    expect(() =>
      parseAdminTables({ newUnits: 'province,ward\n', legacyUnits: '', districts: '' }),
    ).toThrow(/missing column "wardType"/);
  });
});
