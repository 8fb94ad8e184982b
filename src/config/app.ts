// Schema of config/diemtin.yaml: deployment settings that must never live in code
// (the issuing agency moved between departments in 2025; see shared/domain/bulletin.md).
import { z } from 'zod';

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export const AppConfig = z.strictObject({
  /** Where the SQLite file and archives live; relative paths are from the repo root. */
  dataDir: z.string().min(1),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone'),
  /** The monitored province: a file config/provinces/<profile>.yaml. */
  profile: z.string().regex(/^[a-z0-9-]+$/),
  agency: z.strictObject({
    /** Governing body shown above the agency in the header, e.g. "UBND TỈNH LÂM ĐỒNG". */
    parent: z.string().min(1),
    /** Full name of the issuing agency. */
    name: z.string().min(1),
    /** Abbreviation used in the bulletin number, e.g. "SVHTTDL". */
    code: z.string().min(1),
  }),
  bulletin: z.strictObject({
    /** Bulletin number, e.g. "Số {n}/ĐT-{agency}"; {n} is the sequence in the year. */
    numberFormat: z.string().includes('{n}'),
    /** Place in the date line, e.g. "Lâm Đồng" → "Lâm Đồng, ngày 20 tháng 11 năm 2026". */
    place: z.string().min(1),
    /** Positions that receive the bulletin (nơi nhận). */
    recipients: z.array(z.string().min(1)).default([]),
    signer: z.strictObject({ title: z.string().min(1), name: z.string().min(1) }).optional(),
  }),
  cutoffs: z.strictObject({
    daily: HhMm,
    weekly: z.strictObject({ weekday: z.enum(WEEKDAYS), time: HhMm }),
    monthly: z.strictObject({ day: z.number().int().min(1).max(28), time: HhMm }),
  }),
  crawl: z.strictObject({
    /** Identifies the deployment to the sites it reads (DESIGN.md, Boundaries). */
    userAgent: z.string().min(10),
    minHostIntervalMs: z.number().int().nonnegative(),
    timeoutMs: z.number().int().positive(),
    maxBodyBytes: z.number().int().positive(),
    retries: z.number().int().min(0).max(5),
  }),
});
export type AppConfig = z.infer<typeof AppConfig>;
