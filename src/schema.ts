// The data contracts of Điểm Tin, in one place (STYLE.md §5): every shape that crosses a
// stage boundary is a zod schema here, and its TypeScript type is inferred from it.
// Label values follow ../shared/domain/taxonomy.md exactly.
import { z } from 'zod';

export const TOPIC_IDS = [
  'bien-gioi',
  'bien-dao',
  'nhan-quyen',
  'thong-tin-sai-lech',
  'dan-toc',
  'ton-giao',
  'an-ninh-trat-tu',
  'dau-tu-kinh-te',
  'du-lich-van-hoa',
  'doi-ngoai',
  'moi-truong-thien-tai',
  'chinh-quyen',
] as const;
export const TopicId = z.enum(TOPIC_IDS);
export type TopicId = z.infer<typeof TopicId>;

/** Topics the provincial plans name for special watch (taxonomy.md §2). */
export const SENSITIVE_TOPICS: readonly TopicId[] = [
  'bien-gioi',
  'bien-dao',
  'nhan-quyen',
  'thong-tin-sai-lech',
  'dan-toc',
  'ton-giao',
];

export const Tone = z.enum(['positive', 'negative', 'neutral']);
export type Tone = z.infer<typeof Tone>;

export const SOURCE_CATEGORIES = [
  'central-press',
  'provincial-press',
  'government-portal',
  'foreign-vietnamese',
  'social',
] as const;
export const SourceCategory = z.enum(SOURCE_CATEGORIES);
export type SourceCategory = z.infer<typeof SourceCategory>;

export const TextField = z.enum(['title', 'sapo', 'body']);
export type TextField = z.infer<typeof TextField>;

/** ISO 8601 with an explicit offset, e.g. 2026-11-20T08:30:00+07:00. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** What `extract` reads from one article page (the `diemtin extract` contract). */
export const ExtractedArticle = z.object({
  title: z.string().min(1),
  sapo: z.string(),
  /** Paragraphs separated by one blank line. */
  body: z.string(),
  author: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  section: z.string().nullable(),
  tags: z.array(z.string()),
});
export type ExtractedArticle = z.infer<typeof ExtractedArticle>;

/** One input line of `diemtin classify` and `diemtin cluster`; other fields are ignored. */
export const TextItem = z.object({
  id: z.string().min(1),
  title: z.string(),
  sapo: z
    .string()
    .nullish()
    .transform((s) => s ?? ''),
  body: z.string(),
  url: z.string().nullish(),
  source: z.string().nullish(),
  sourceCategory: SourceCategory.nullish(),
  publishedAt: z.string().nullish(),
});
export type TextItem = z.infer<typeof TextItem>;
export type TextItemInput = z.input<typeof TextItem>;

export const Mention = z.object({
  /** Canonical place name with diacritics, e.g. "Đắk Nông". */
  name: z.string().min(1),
  field: TextField,
  count: z.number().int().positive(),
});
export type Mention = z.infer<typeof Mention>;

/** One output line of `diemtin classify`. */
export const Classification = z.object({
  id: z.string(),
  relevant: z.boolean(),
  relevance: z.number().min(0).max(1),
  mentions: z.array(Mention),
  topics: z.array(TopicId),
  tone: Tone,
  sensitive: z.boolean(),
  sensitiveReasons: z.array(z.string()),
});
export type Classification = z.infer<typeof Classification>;

/** One output line of `diemtin cluster`: reach = distinct outlets carrying the story. */
export const StoryAssignment = z.object({
  id: z.string(),
  storyId: z.string().min(1),
  reach: z.number().int().positive(),
});
export type StoryAssignment = z.infer<typeof StoryAssignment>;

/** An article as stored: what was extracted, where it came from, and its labels. */
export const Article = z.object({
  id: z.string(),
  url: z.url(),
  sourceId: z.string(),
  sourceName: z.string(),
  sourceCategory: SourceCategory,
  title: z.string().min(1),
  sapo: z.string(),
  body: z.string(),
  author: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  fetchedAt: IsoDateTime,
  section: z.string().nullable(),
  tags: z.array(z.string()),
  relevant: z.boolean(),
  relevance: z.number().min(0).max(1),
  mentions: z.array(Mention),
  topics: z.array(TopicId),
  tone: Tone,
  sensitive: z.boolean(),
  sensitiveReasons: z.array(z.string()),
  storyId: z.string().nullable(),
  reach: z.number().int().nonnegative(),
});
export type Article = z.infer<typeof Article>;

// What users see: the Vietnamese labels of the ids above (taxonomy.md).
export const TOPIC_LABELS: Record<TopicId, string> = {
  'bien-gioi': 'Biên giới',
  'bien-dao': 'Biển, đảo',
  'nhan-quyen': 'Nhân quyền',
  'thong-tin-sai-lech': 'Thông tin sai lệch',
  'dan-toc': 'Dân tộc',
  'ton-giao': 'Tôn giáo',
  'an-ninh-trat-tu': 'An ninh, trật tự',
  'dau-tu-kinh-te': 'Đầu tư, kinh tế',
  'du-lich-van-hoa': 'Du lịch, văn hóa',
  'doi-ngoai': 'Đối ngoại',
  'moi-truong-thien-tai': 'Môi trường, thiên tai',
  'chinh-quyen': 'Chính quyền',
};

export const TONE_LABELS: Record<Tone, string> = {
  positive: 'Tích cực',
  negative: 'Tiêu cực',
  neutral: 'Trung lập',
};

export const SOURCE_CATEGORY_LABELS: Record<SourceCategory, string> = {
  'central-press': 'Báo chí Trung ương',
  'provincial-press': 'Báo chí địa phương',
  'government-portal': 'Cổng thông tin điện tử',
  'foreign-vietnamese': 'Báo tiếng Việt ở nước ngoài',
  social: 'Mạng xã hội',
};
