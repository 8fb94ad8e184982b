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

/** Caps of one bulletin kind; a missing key keeps the default of that kind. */
const SectionCaps = z.strictObject({
  highlights: z.number().int().min(1).max(50).optional(),
  positive: z.number().int().min(0).max(500).optional(),
  attention: z.number().int().min(0).max(500).optional(),
  /** Stories named under each topic of "Theo chủ đề". */
  topicEntries: z.number().int().min(0).max(100).optional(),
});

export const BulletinUser = z.strictObject({
  id: z.string().regex(/^[a-z0-9._-]+$/, 'expected a lowercase id'),
  name: z.string().min(1),
  roles: z.array(z.enum(['editor', 'approver'])).min(1),
  /** Approval levels this approver may sign; absent: every level. */
  levels: z.array(z.number().int().positive()).optional(),
});
export type BulletinUser = z.infer<typeof BulletinUser>;

export const ApprovalLevel = z.strictObject({
  level: z.number().int().positive(),
  /** Shown in the bulletin's history, e.g. "Trưởng phòng Thông tin – Báo chí". */
  title: z.string().min(1),
});

export const MailConfig = z.strictObject({
  /** "Sở VHTTDL Lâm Đồng <diemtin@example.gov.vn>" */
  from: z.string().min(3),
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** true: TLS from the start (465); false: STARTTLS when offered (587, 25). */
    secure: z.boolean().default(false),
    /** The password never sits in config: it is read from the named environment variable. */
    auth: z
      .strictObject({
        user: z.string().min(1),
        passwordEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/)
          .default('DIEMTIN_SMTP_PASSWORD'),
      })
      .optional(),
  }),
  /** Nơi nhận by position; one message per address. */
  recipients: z.array(z.strictObject({ position: z.string().min(1), address: z.email() })).min(1),
  retry: z
    .strictObject({
      /** First wait after a failed attempt; doubled per attempt up to maxDelayMs. */
      baseDelayMs: z.number().int().positive().default(30_000),
      maxDelayMs: z
        .number()
        .int()
        .positive()
        .default(30 * 60_000),
      /** After this many failed attempts a row is given up ('failed') for an operator. */
      maxAttempts: z.number().int().min(1).default(20),
    })
    .default({ baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 20 }),
});
export type MailConfig = z.infer<typeof MailConfig>;

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
    /** Most stories each section lists, per period (src/digest/caps.ts has the defaults). */
    caps: z
      .strictObject({
        daily: SectionCaps.optional(),
        weekly: SectionCaps.optional(),
        monthly: SectionCaps.optional(),
        custom: SectionCaps.optional(),
      })
      .default({}),
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
    /** Chromium, for browser sources, manual submissions and evidence screenshots. */
    browser: z
      .strictObject({
        /** Pages open at once: each costs tens of MB of memory. */
        maxPages: z.number().int().min(1).max(16).default(2),
        navigationTimeoutMs: z.number().int().positive().default(30000),
      })
      .default({ maxPages: 2, navigationTimeoutMs: 30000 }),
    /**
     * An RSSHub-compatible bridge the deployment runs for public social pages, e.g.
     * http://rsshub.internal:1200; sources with `bridge.route` read `<bridgeBaseUrl><route>`.
     * Without it those sources stay off (a public bridge instance is never assumed).
     */
    bridgeBaseUrl: z.url().optional(),
  }),
  /** Who may edit and approve bulletins (src/bulletin/users.ts); the CLI's --as names one. */
  users: z.array(BulletinUser).default([]),
  workflow: z
    .strictObject({
      /** Approval levels, signed in this order (e.g. Trưởng phòng, then Giám đốc Sở). */
      approvals: z.array(ApprovalLevel).min(1),
    })
    .default({ approvals: [{ level: 1, title: 'Lãnh đạo Sở' }] }),
  /** Bulletin delivery (src/delivery/); absent: `digest send` refuses. */
  mail: MailConfig.optional(),
});
export type AppConfig = z.infer<typeof AppConfig>;
