// The proposed handling ("đề xuất xử lý") printed under each item that needs attention. A
// first draft for the editor, chosen by rules in priority order: the first rule that matches
// wins. Recipients are positions that exist in every province since the 2025 reorganisation
// (Công an tỉnh, Bộ đội Biên phòng tỉnh, Ban Tuyên giáo và Dân vận Tỉnh ủy); department names
// that vary by province stay generic.
import type { SourceCategory, Tone, TopicId } from '../schema.ts';

export interface HandlingSubject {
  topics: readonly TopicId[];
  tone: Tone;
  sourceCategories: readonly SourceCategory[];
}

interface HandlingRule {
  /** Why the rule exists, for whoever tunes the list. */
  id: string;
  matches(s: HandlingSubject): boolean;
  text: string;
}

const has = (s: HandlingSubject, t: TopicId): boolean => s.topics.includes(t);

export const DEFAULT_HANDLING =
  'Đề nghị cơ quan, địa phương liên quan kiểm tra, xử lý và báo cáo kết quả.';

export const HANDLING_RULES: readonly HandlingRule[] = [
  {
    // False information spreads fastest; an official answer is the first response.
    id: 'misinformation',
    matches: (s) => has(s, 'thong-tin-sai-lech'),
    text: 'Đề nghị cơ quan chức năng kiểm tra, xác minh và cung cấp thông tin chính thức để định hướng dư luận; xử lý nghiêm hành vi đăng tải, chia sẻ thông tin sai sự thật.',
  },
  {
    // Negative coverage from outlets abroad is a matter for the police (network security).
    id: 'foreign-negative',
    matches: (s) => s.tone === 'negative' && s.sourceCategories.includes('foreign-vietnamese'),
    text: 'Đề nghị Công an tỉnh theo dõi, đánh giá và có biện pháp đấu tranh, phản bác thông tin xấu, độc từ các trang tiếng Việt ở nước ngoài.',
  },
  {
    id: 'human-rights',
    matches: (s) => has(s, 'nhan-quyen'),
    text: 'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy, Công an tỉnh theo dõi, chủ động cung cấp thông tin và phản bác các luận điệu sai trái.',
  },
  {
    id: 'border',
    matches: (s) => has(s, 'bien-gioi') || has(s, 'bien-dao'),
    text: 'Đề nghị Bộ Chỉ huy Bộ đội Biên phòng tỉnh nắm tình hình, kiểm tra và cung cấp thông tin chính thức.',
  },
  {
    id: 'ethnic-religion',
    matches: (s) => has(s, 'dan-toc') || has(s, 'ton-giao'),
    text: 'Đề nghị cơ quan phụ trách công tác dân tộc, tôn giáo và địa phương liên quan nắm tình hình, kiểm tra, xử lý và báo cáo kết quả.',
  },
  {
    id: 'public-order',
    matches: (s) => has(s, 'an-ninh-trat-tu'),
    text: 'Đề nghị Công an tỉnh xác minh, xử lý theo quy định và thông tin kết quả cho cơ quan báo chí.',
  },
  {
    id: 'environment',
    matches: (s) => has(s, 'moi-truong-thien-tai'),
    text: 'Đề nghị cơ quan quản lý môi trường và địa phương liên quan kiểm tra thực tế, xử lý và báo cáo kết quả.',
  },
];

export function proposeHandling(subject: HandlingSubject): string {
  return HANDLING_RULES.find((r) => r.matches(subject))?.text ?? DEFAULT_HANDLING;
}
