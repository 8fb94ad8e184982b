// The three national admin tables the generator reads (MIT, tranngocminhhieu/
// vietnamadminunits, copied to shared/data/admin), parsed into plain rows. Names keep their
// unit prefix ("Tỉnh Lâm Đồng", "Phường Cam Ly - Đà Lạt"): names.ts strips it.
import { parseCsvRecords } from './csv.ts';

/** One commune, ward or special zone after 1 July 2025. */
export type NewUnit = { province: string; name: string; type: string };
/** One commune-level unit before the reform, with its district and its 2025 province. */
export type LegacyUnit = {
  province: string;
  district: string;
  districtType: string;
  name: string;
  type: string;
  newProvince: string;
};
/** One district-level unit before the reform (huyện, quận, thị xã, thành phố). */
export type District = { province: string; name: string; type: string };

export type AdminTables = {
  newUnits: NewUnit[];
  legacyUnits: LegacyUnit[];
  districts: District[];
};

export const ADMIN_FILES = {
  newUnits: 'vietnamadminunits__2025_34-province-3221-ward_with_location.csv',
  legacyUnits: 'vietnamadminunits__convert_legacy_2025_simple.csv',
  districts: 'vietnamadminunits__danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv',
} as const;

export type AdminTexts = Record<keyof typeof ADMIN_FILES, string>;

export function parseAdminTables(texts: AdminTexts): AdminTables {
  const newUnits = parseCsvRecords(
    texts.newUnits,
    ['province', 'ward', 'wardType'],
    ADMIN_FILES.newUnits,
  ).map((r) => ({ province: r.province ?? '', name: r.ward ?? '', type: r.wardType ?? '' }));
  const legacyUnits = parseCsvRecords(
    texts.legacyUnits,
    ['province', 'district', 'districtType', 'ward', 'wardType', 'newProvince'],
    ADMIN_FILES.legacyUnits,
  ).map((r) => ({
    province: r.province ?? '',
    district: r.district ?? '',
    districtType: r.districtType ?? '',
    name: r.ward ?? '',
    type: r.wardType ?? '',
    newProvince: r.newProvince ?? '',
  }));
  const districts = parseCsvRecords(
    texts.districts,
    ['Tên', 'Cấp', 'Tỉnh / Thành Phố'],
    ADMIN_FILES.districts,
  ).map((r) => ({
    province: r['Tỉnh / Thành Phố'] ?? '',
    name: r['Tên'] ?? '',
    type: r['Cấp'] ?? '',
  }));
  return { newUnits, legacyUnits, districts };
}
