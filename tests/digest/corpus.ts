// A synthetic but realistic stream of coverage of Lâm Đồng, for the period golden files and
// bench/digest.ts: stories (one fact) carried by 1–6 outlets within hours, each outlet with its
// own title variant, sapo and body; topics, tone and sensitivity as the classifier would set
// them; about a third of crawled articles not relevant. Seeded, so a seed gives the same
// articles on every machine. All text is written here, not taken from any outlet.
import type { Article, SourceCategory, Tone, TopicId } from '../../src/schema.ts';
import { prng } from '../pipeline/prng.ts';

export interface Outlet {
  id: string;
  name: string;
  domain: string;
  category: SourceCategory;
}

export const OUTLETS: readonly Outlet[] = [
  {
    id: 'bao-lam-dong',
    name: 'Báo Lâm Đồng',
    domain: 'baolamdong.vn',
    category: 'provincial-press',
  },
  { id: 'lamdong-tv', name: 'Đài PT-TH Lâm Đồng', domain: 'ltv.vn', category: 'provincial-press' },
  { id: 'bao-tin-tuc', name: 'Báo Tin tức', domain: 'baotintuc.vn', category: 'central-press' },
  { id: 'vnexpress', name: 'VnExpress', domain: 'vnexpress.net', category: 'central-press' },
  { id: 'tuoi-tre', name: 'Tuổi Trẻ', domain: 'tuoitre.vn', category: 'central-press' },
  { id: 'thanh-nien', name: 'Thanh Niên', domain: 'thanhnien.vn', category: 'central-press' },
  { id: 'nhan-dan', name: 'Nhân Dân', domain: 'nhandan.vn', category: 'central-press' },
  {
    id: 'cong-lam-dong',
    name: 'Cổng TTĐT tỉnh Lâm Đồng',
    domain: 'lamdong.gov.vn',
    category: 'government-portal',
  },
  {
    id: 'tin-hai-ngoai',
    name: 'Tin Việt Hải Ngoại',
    domain: 'tinviethaingoai.example',
    category: 'foreign-vietnamese',
  },
  { id: 'nhom-bao-loc', name: 'Nhóm Bảo Lộc 24h', domain: 'facebook.com', category: 'social' },
  { id: 'nhom-da-lat', name: 'Đà Lạt Review', domain: 'facebook.com', category: 'social' },
];

const PLACES = [
  'Đà Lạt',
  'Bảo Lộc',
  'Gia Nghĩa',
  'Phan Thiết',
  'Di Linh',
  'Đức Trọng',
  'Lạc Dương',
  'Lâm Hà',
  'Đam Rông',
  'Cát Tiên',
  'Tuy Phong',
  'Đắk Mil',
];

interface StoryTemplate {
  /** Relative frequency: most coverage of a province is routine and positive. */
  weight: number;
  topics: TopicId[];
  tone: Tone;
  sensitive: boolean;
  /** Title variants; {p} place, {n} a number. */
  titles: string[];
  sapo: string;
  body: string[];
}

const STORIES: readonly StoryTemplate[] = [
  {
    weight: 14,
    topics: ['dau-tu-kinh-te'],
    tone: 'positive',
    sensitive: false,
    titles: [
      'Lâm Đồng chấp thuận chủ trương {n} dự án đầu tư mới tại {p}',
      '{p}: {n} dự án mới được chấp thuận đầu tư',
      'Thêm {n} dự án đầu tư vào {p}',
    ],
    sapo: 'UBND tỉnh Lâm Đồng vừa chấp thuận chủ trương đầu tư {n} dự án tại {p}, tập trung vào nông nghiệp công nghệ cao và chế biến nông sản. Tổng vốn đăng ký ước đạt hơn {n}00 tỷ đồng.',
    body: [
      'Theo Sở Tài chính, các dự án được lựa chọn sau khi rà soát quy hoạch sử dụng đất và năng lực tài chính của nhà đầu tư.',
      'Tỉnh yêu cầu các sở, ngành rút ngắn thời gian giải quyết thủ tục, hỗ trợ nhà đầu tư giải phóng mặt bằng.',
      'Năm nay, Lâm Đồng đặt mục tiêu thu hút thêm nhiều dự án chế biến sâu để nâng giá trị nông sản.',
    ],
  },
  {
    weight: 14,
    topics: ['du-lich-van-hoa'],
    tone: 'positive',
    sensitive: false,
    titles: [
      '{p} đón hơn {n}.000 lượt khách dịp cuối tuần',
      'Du lịch {p} khởi sắc, lượng khách tăng mạnh',
      'Khách du lịch đổ về {p}, nhiều cơ sở lưu trú kín phòng',
    ],
    sapo: 'Trong dịp cuối tuần, {p} đón hơn {n}.000 lượt khách, công suất phòng tại nhiều cơ sở lưu trú đạt trên 80%. Các điểm tham quan tổ chức nhiều hoạt động văn hóa, nghệ thuật phục vụ du khách.',
    body: [
      'Ngành du lịch địa phương tăng cường kiểm tra giá dịch vụ, bảo đảm an toàn cho du khách.',
      'Nhiều sản phẩm du lịch mới như trải nghiệm nông nghiệp, cắm trại đồi thông được du khách quan tâm.',
      'Doanh thu từ du lịch ước tăng so với cùng kỳ năm trước.',
    ],
  },
  {
    weight: 14,
    topics: ['chinh-quyen'],
    tone: 'positive',
    sensitive: false,
    titles: [
      '{p} hoàn thành sắp xếp bộ máy chính quyền hai cấp',
      'Trung tâm phục vụ hành chính công {p} giải quyết {n}.000 hồ sơ đúng hạn',
      'Người dân {p} hài lòng với dịch vụ công trực tuyến',
    ],
    sapo: 'Sau sắp xếp, Trung tâm phục vụ hành chính công tại {p} đã tiếp nhận và giải quyết hơn {n}.000 hồ sơ, tỷ lệ đúng hạn đạt trên 98%. Người dân đánh giá thủ tục được rút ngắn đáng kể.',
    body: [
      'Cán bộ một cửa được tập huấn sử dụng hệ thống thông tin giải quyết thủ tục hành chính.',
      'Địa phương tiếp tục đẩy mạnh thanh toán trực tuyến phí, lệ phí.',
      'Các trường hợp chậm trễ được công khai xin lỗi người dân theo quy định.',
    ],
  },
  {
    weight: 8,
    topics: ['moi-truong-thien-tai'],
    tone: 'negative',
    sensitive: false,
    titles: [
      'Sạt lở đất ở {p}, nhiều hộ dân phải di dời khẩn cấp',
      'Mưa lớn gây sạt lở, chia cắt giao thông tại {p}',
      '{p}: {n} hộ dân sơ tán vì nguy cơ sạt lở',
    ],
    sapo: 'Mưa lớn kéo dài khiến nhiều điểm ở {p} bị sạt lở, {n} hộ dân phải di dời đến nơi an toàn. Chính quyền địa phương đã lập chốt cảnh báo và bố trí lực lượng ứng trực.',
    body: [
      'Lực lượng chức năng đang khẩn trương khắc phục, thông xe tạm thời trên tuyến đường bị ảnh hưởng.',
      'Người dân phản ánh tình trạng sạt lở đã được cảnh báo từ mùa mưa năm trước nhưng chưa được xử lý dứt điểm.',
      'Tỉnh chỉ đạo rà soát các khu dân cư có nguy cơ cao để có phương án di dời lâu dài.',
    ],
  },
  {
    weight: 8,
    topics: ['an-ninh-trat-tu'],
    tone: 'negative',
    sensitive: false,
    titles: [
      'Tai nạn giao thông trên đèo ở {p}, {n} người bị thương',
      'Xe tải mất phanh trên đèo {p}',
      'Va chạm giao thông nghiêm trọng tại {p}',
    ],
    sapo: 'Một vụ tai nạn giao thông xảy ra trên tuyến đèo qua {p} khiến {n} người bị thương. Lực lượng cảnh sát giao thông đã có mặt phân luồng, điều tra nguyên nhân.',
    body: [
      'Các nạn nhân được đưa đi cấp cứu tại bệnh viện gần nhất.',
      'Người dân địa phương cho biết đoạn đèo thường xuyên xảy ra tai nạn do thiếu biển cảnh báo.',
      'Cơ quan chức năng đang làm rõ trách nhiệm của các bên liên quan.',
    ],
  },
  {
    weight: 3,
    topics: ['thong-tin-sai-lech'],
    tone: 'negative',
    sensitive: true,
    titles: [
      'Tin đồn thu hồi đất hàng loạt ở {p} là sai sự thật',
      'Lan truyền thông tin sai lệch về quy hoạch tại {p}',
      'Cảnh giác tin giả về việc giải tỏa nhà dân ở {p}',
    ],
    sapo: 'Trên mạng xã hội lan truyền thông tin cho rằng {p} sẽ thu hồi đất hàng loạt để giao cho doanh nghiệp. Chính quyền địa phương khẳng định không có chủ trương này.',
    body: [
      'Bài viết được chia sẻ hàng nghìn lần, gây hoang mang cho người dân.',
      'Cơ quan chức năng đề nghị người dân chỉ tiếp nhận thông tin từ nguồn chính thống.',
      'Công an tỉnh đang xác minh tài khoản đăng tải thông tin ban đầu.',
    ],
  },
  {
    weight: 2,
    topics: ['dan-toc'],
    tone: 'negative',
    sensitive: true,
    titles: [
      'Tranh chấp đất rẫy giữa các hộ đồng bào dân tộc thiểu số ở {p}',
      '{p}: mâu thuẫn đất đai trong buôn làng chưa được giải quyết',
    ],
    sapo: 'Nhiều hộ đồng bào dân tộc thiểu số tại {p} phản ánh tranh chấp đất rẫy kéo dài nhiều năm. Chính quyền địa phương đã tổ chức đối thoại nhưng chưa đạt kết quả.',
    body: [
      'Các hộ dân đề nghị đo đạc lại ranh giới và cấp giấy chứng nhận quyền sử dụng đất.',
      'Già làng, người có uy tín được mời tham gia hòa giải.',
      'Ban Dân tộc tỉnh cho biết sẽ phối hợp kiểm tra thực địa trong thời gian tới.',
    ],
  },
  {
    weight: 2,
    topics: ['bien-gioi'],
    tone: 'neutral',
    sensitive: true,
    titles: [
      'Bộ đội Biên phòng tỉnh tuần tra bảo vệ đường biên tại {p}',
      'Tăng cường quản lý đường biên, mốc quốc giới',
    ],
    sapo: 'Bộ đội Biên phòng tỉnh phối hợp lực lượng địa phương tổ chức tuần tra, bảo vệ đường biên, mốc quốc giới. Hoạt động qua lại biên giới được kiểm soát chặt chẽ.',
    body: [
      'Các tổ công tác tuyên truyền người dân không vượt biên trái phép.',
      'Tình hình an ninh khu vực biên giới cơ bản ổn định.',
    ],
  },
  {
    weight: 2,
    topics: ['ton-giao'],
    tone: 'neutral',
    sensitive: true,
    titles: [
      'Chức sắc tôn giáo ở {p} tham gia vận động an sinh xã hội',
      'Lễ hội tôn giáo tại {p} diễn ra an toàn',
    ],
    sapo: 'Các cơ sở tôn giáo tại {p} phối hợp với chính quyền vận động quyên góp hỗ trợ hộ nghèo. Hoạt động tín ngưỡng diễn ra theo đúng quy định.',
    body: [
      'Ban Tôn giáo tỉnh ghi nhận sự đóng góp của các chức sắc.',
      'Nhiều phần quà được trao cho người dân khó khăn.',
    ],
  },
  {
    weight: 8,
    topics: ['moi-truong-thien-tai', 'chinh-quyen'],
    tone: 'negative',
    sensitive: false,
    titles: [
      'Bãi rác quá tải gây ô nhiễm ở {p}',
      'Người dân {p} khổ vì mùi hôi từ bãi rác',
      'Ô nhiễm môi trường kéo dài tại {p}, dân kiến nghị di dời bãi rác',
    ],
    sapo: 'Bãi rác tại {p} quá tải nhiều tháng, nước rỉ rác chảy tràn ra suối, người dân sống gần đó bức xúc. Địa phương cho biết đang tìm phương án xử lý.',
    body: [
      'Người dân nhiều lần kiến nghị nhưng tình trạng chưa được cải thiện.',
      'Sở Nông nghiệp và Môi trường đã cử đoàn kiểm tra, lấy mẫu nước.',
      'Dự án nhà máy xử lý rác vẫn chậm tiến độ.',
    ],
  },
  {
    weight: 6,
    topics: ['doi-ngoai'],
    tone: 'positive',
    sensitive: false,
    titles: [
      'Lâm Đồng tiếp đoàn công tác nước ngoài tìm hiểu cơ hội hợp tác',
      'Đoàn doanh nghiệp quốc tế khảo sát đầu tư tại {p}',
    ],
    sapo: 'Lãnh đạo tỉnh Lâm Đồng tiếp đoàn công tác nước ngoài đến tìm hiểu cơ hội hợp tác trong nông nghiệp và du lịch. Hai bên thống nhất tăng cường trao đổi thông tin.',
    body: [
      'Đoàn đã khảo sát một số vùng sản xuất rau, hoa công nghệ cao.',
      'Tỉnh cam kết tạo điều kiện thuận lợi cho nhà đầu tư.',
    ],
  },
  {
    weight: 1,
    topics: ['nhan-quyen'],
    tone: 'negative',
    sensitive: true,
    titles: ['Trang mạng ở nước ngoài xuyên tạc tình hình nhân quyền tại {p}'],
    sapo: 'Một số trang mạng ở nước ngoài đăng tải bài viết xuyên tạc tình hình nhân quyền tại {p}. Nội dung bài viết không đúng với thực tế địa phương.',
    body: [
      'Các cơ quan chức năng đang theo dõi, có biện pháp phản bác.',
      'Người dân địa phương khẳng định cuộc sống ổn định.',
    ],
  },
];

const IRRELEVANT = [
  'Giá vàng hôm nay biến động nhẹ',
  'Thời tiết cả nước: miền Bắc chuyển lạnh',
  'Đội tuyển bóng đá chuẩn bị cho vòng loại',
  'Thị trường chứng khoán giao dịch sôi động',
];

export interface CorpusOptions {
  seed: number;
  /** First instant, ISO with offset; articles spread evenly-ish to `end`. */
  start: string;
  end: string;
  /** Articles to produce (copies included, irrelevant included). */
  count: number;
  /** Paragraph repetitions of the body (1 = short test bodies, 4 ≈ a 2–3 KB news article). */
  bodyRepeat?: number;
  idPrefix?: string;
}

/** Articles ordered by time. */
export function synthesizeArticles(opts: CorpusOptions): Article[] {
  const rand = prng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const startMs = Date.parse(opts.start);
  const span = Date.parse(opts.end) - startMs;
  const prefix = opts.idPrefix ?? 'c';
  const repeat = opts.bodyRepeat ?? 1;
  const out: Article[] = [];
  let storyNo = 0;
  while (out.length < opts.count) {
    const at = startMs + Math.floor(rand() * span);
    if (rand() < 0.33) {
      const id = `${prefix}-${out.length}`;
      const outlet = pick(OUTLETS.slice(2, 7));
      out.push(
        article(
          id,
          outlet,
          pick(IRRELEVANT),
          'Tin tổng hợp trong nước.',
          'Nội dung không liên quan đến địa phương.',
          at,
          {
            relevant: false,
            relevance: 0.05,
            topics: [],
            tone: 'neutral',
            sensitive: false,
            storyId: null,
            reach: 1,
          },
        ),
      );
      continue;
    }
    const t = pickWeighted(STORIES, rand());
    const place = pick(PLACES);
    const n = 2 + Math.floor(rand() * 30);
    const fill = (s: string): string => s.replaceAll('{p}', place).replaceAll('{n}', String(n));
    const copies = 1 + Math.floor(rand() * rand() * 6);
    const outlets = [...OUTLETS]
      .sort(() => rand() - 0.5)
      .filter((o) => t.sensitive || o.category !== 'foreign-vietnamese')
      .slice(0, copies);
    const storyId = copies > 1 ? `${prefix}-st${storyNo++}` : null;
    const body = Array.from({ length: repeat }, () => t.body.map(fill).join('\n\n')).join('\n\n');
    outlets.forEach((o, i) => {
      if (out.length >= opts.count) return;
      const id = `${prefix}-${out.length}`;
      const title = fill(t.titles[i % t.titles.length] as string);
      const copyAt = Math.min(
        at + i * (20 + Math.floor(rand() * 200)) * 60_000,
        startMs + span - 1,
      );
      const relevance = Math.round((0.55 + rand() * 0.45) * 100) / 100;
      out.push(
        article(id, o, title, fill(t.sapo), body, copyAt, {
          relevant: true,
          relevance,
          topics: t.topics,
          tone: o.category === 'government-portal' && t.tone === 'negative' ? 'neutral' : t.tone,
          sensitive: t.sensitive,
          storyId,
          reach: copies,
        }),
      );
    });
  }
  return out.sort(
    (a, b) =>
      Date.parse(a.publishedAt ?? '') - Date.parse(b.publishedAt ?? '') || a.id.localeCompare(b.id),
  );
}

function article(
  id: string,
  o: Outlet,
  title: string,
  sapo: string,
  body: string,
  at: number,
  labels: Pick<
    Article,
    'relevant' | 'relevance' | 'topics' | 'tone' | 'sensitive' | 'storyId' | 'reach'
  >,
): Article {
  const iso = isoIct(at);
  return {
    id,
    url: `https://${o.domain}/tin-tuc/${id}.html`,
    sourceId: o.id,
    sourceName: o.name,
    sourceCategory: o.category,
    title,
    sapo,
    body,
    author: null,
    publishedAt: iso,
    fetchedAt: iso,
    section: null,
    tags: [],
    mentions: labels.relevant ? [{ name: 'Lâm Đồng', field: 'sapo', count: 1 }] : [],
    sensitiveReasons: labels.sensitive ? ['chủ đề nhạy cảm'] : [],
    ...labels,
  };
}

function pickWeighted(xs: readonly StoryTemplate[], r: number): StoryTemplate {
  const total = xs.reduce((n, x) => n + x.weight, 0);
  let left = r * total;
  for (const x of xs) {
    left -= x.weight;
    if (left < 0) return x;
  }
  return xs[xs.length - 1] as StoryTemplate;
}

/** ISO 8601 in +07:00, as the crawler stores Vietnamese outlets' times. */
export function isoIct(ms: number): string {
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}
