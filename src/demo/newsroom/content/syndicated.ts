// SAMPLE DATA — ALL FICTIONAL. Written for the Điểm Tin demo; these events, figures, quotes and
// bylines are invented. No text is copied from any real outlet; people appear only by role or
// initials.
//
// Three syndication cases (taxonomy.md §5): each original is republished by 2–3 other outlets
// with light edits — a new title, a cut paragraph, an added sentence — as the press does.
// The copies are derived from the original by the edits listed, so the edit stays visible.
import type { ArticleContent, OutletId } from '../types.ts';

type Republication = {
  id: string;
  outlet: OutletId;
  title: string;
  publishedAt: string;
  author: string;
  section: string;
  tags: string[];
  sapo?: string;
  /** Indexes of the original's paragraphs that the copy leaves out. */
  drop?: number[];
  /** A sentence added at the start of a paragraph of the original. */
  prepend?: { paragraph: number; text: string };
  /** A sentence added at the end of a paragraph of the original. */
  append?: { paragraph: number; text: string };
};

function republish(original: ArticleContent, r: Republication): ArticleContent {
  const body = original.body
    .map((p, i) => {
      let text = p;
      if (r.prepend?.paragraph === i) text = `${r.prepend.text} ${text}`;
      if (r.append?.paragraph === i) text = `${text} ${r.append.text}`;
      return text;
    })
    .filter((_, i) => !r.drop?.includes(i));
  return {
    id: r.id,
    outlet: r.outlet,
    title: r.title,
    sapo: r.sapo ?? original.sapo,
    body,
    author: r.author,
    publishedAt: r.publishedAt,
    section: r.section,
    tags: r.tags,
    labels: { ...original.labels, topics: [...original.labels.topics] },
  };
}

// Case 1: border cooperation at Đắk Per (TTXVN/VietnamPlus original), straddles the window:
// the Báo Chính phủ copy is published exactly at the 06:00 cut-off.
const dakPer: ArticleContent = {
  id: 'vnp-hop-tac-bien-gioi-dak-per',
  outlet: 'vietnamplus',
  title: `Lâm Đồng và Mondulkiri tăng cường hợp tác quản lý biên giới tại cửa khẩu Đắk Per`,
  sapo: `Lãnh đạo tỉnh Lâm Đồng (Việt Nam) và tỉnh Mondulkiri (Campuchia) thống nhất nhiều biện pháp phối hợp giữ gìn an ninh trật tự, tạo thuận lợi cho giao thương qua cặp cửa khẩu Đắk Per - Nam Lyr.`,
  body: [
    `Ngày 18/11, tại cửa khẩu Đắk Per, xã Thuận An, đoàn công tác tỉnh Lâm Đồng do Phó Chủ tịch UBND tỉnh dẫn đầu đã hội đàm với đoàn chính quyền tỉnh Mondulkiri do Phó Tỉnh trưởng tỉnh này làm trưởng đoàn. Hai bên đánh giá tình hình an ninh trên tuyến biên giới chung cơ bản ổn định.`,
    `Theo báo cáo, trong 10 tháng năm 2026, lực lượng chức năng hai tỉnh đã tổ chức 24 đợt tuần tra song phương, phối hợp xử lý 11 vụ xuất nhập cảnh trái phép và vận chuyển hàng cấm qua biên giới. Hệ thống cột mốc trên tuyến biên giới dài hơn 130 km thuộc địa phận tỉnh Lâm Đồng được duy trì, bảo vệ tốt.`,
    `Hai bên thống nhất nâng cấp đường dây nóng giữa các đồn biên phòng và lực lượng bảo vệ biên giới Campuchia, tạo điều kiện cho cư dân biên giới qua lại thăm thân, trao đổi hàng hóa, đồng thời phối hợp tìm kiếm, quy tập hài cốt liệt sĩ quân tình nguyện Việt Nam hy sinh tại Campuchia.`,
    `Phía Mondulkiri đề nghị tỉnh Lâm Đồng hỗ trợ đào tạo cán bộ y tế, giáo dục và chuyển giao kỹ thuật trồng cà phê, hồ tiêu cho nông dân vùng biên. Phó Chủ tịch UBND tỉnh Lâm Đồng khẳng định tỉnh sẵn sàng tiếp nhận sinh viên Campuchia theo học tại các trường đại học, cao đẳng trên địa bàn.`,
    `Dịp này, hai tỉnh ký biên bản ghi nhớ hợp tác giai đoạn 2026-2030 trên các lĩnh vực an ninh biên giới, thương mại, nông nghiệp và y tế.`,
  ],
  author: `Hưng Thịnh`,
  publishedAt: '2026-11-18T16:00:00+07:00',
  section: 'Thời sự',
  tags: ['Lâm Đồng', 'Mondulkiri', 'cửa khẩu Đắk Per', 'biên giới Việt Nam - Campuchia'],
  labels: {
    relevant: true,
    topics: ['bien-gioi', 'doi-ngoai'],
    tone: 'positive',
    story: 'hop-tac-bien-gioi-dak-per',
  },
};

// Case 2: landslide on Đèo Bảo Lộc (Báo Lâm Đồng original), three copies the same morning.
const deoBaoLoc: ArticleContent = {
  id: 'bld-sat-lo-deo-bao-loc',
  outlet: 'baolamdong',
  title: `Sạt lở taluy trên đèo Bảo Lộc sau mưa lớn, quốc lộ 20 ách tắc nhiều giờ`,
  sapo: `Mưa lớn kéo dài từ chiều tối 18/11 gây sạt lở taluy dương tại nhiều điểm trên đèo Bảo Lộc, hàng nghìn mét khối đất đá tràn xuống mặt đường khiến giao thông qua quốc lộ 20 bị ách tắc.`,
  body: [
    `Khoảng 22 giờ ngày 18/11, tại km 113+500 và km 115+200 trên đèo Bảo Lộc (quốc lộ 20), taluy dương bị sạt lở, đất đá cùng nhiều cây lớn đổ xuống lấp kín hai làn xe. Rất may thời điểm xảy ra sự cố không có phương tiện lưu thông qua khu vực này nên không có thiệt hại về người.`,
    `Ngay trong đêm, Sở Xây dựng tỉnh Lâm Đồng phối hợp với đơn vị quản lý đường bộ huy động 4 máy xúc, 6 xe ben cùng hơn 30 công nhân đến hiện trường khắc phục. Cảnh sát giao thông phân luồng xe từ Bảo Lộc đi TP.HCM qua quốc lộ 55 và quốc lộ 28.`,
    `Đến 6 giờ sáng 19/11, một làn đường đã được thông xe, cho phép các phương tiện lưu thông một chiều có điều tiết. Hàng trăm xe tải, xe khách phải xếp hàng dài nhiều km ở hai đầu đèo.`,
    `Theo đánh giá của đơn vị quản lý, tổng khối lượng đất đá sạt lở khoảng 3.000 m3; tại km 115+200 vẫn còn vết nứt dài trên sườn đồi, nguy cơ tiếp tục sạt lở nếu mưa kéo dài. Ngành chức năng đã cắm biển cảnh báo và bố trí người trực 24/24 giờ.`,
    `Đây là lần thứ ba trong năm 2026 đèo Bảo Lộc xảy ra sạt lở sau mưa lớn. Sở Xây dựng đề nghị người dân và lái xe theo dõi thông tin phân luồng, hạn chế lưu thông qua đèo vào ban đêm khi trời mưa.`,
  ],
  author: `Vân Anh`,
  publishedAt: '2026-11-19T07:15:00+07:00',
  section: 'Thời sự',
  tags: ['đèo Bảo Lộc', 'sạt lở', 'quốc lộ 20', 'mưa lớn'],
  labels: {
    relevant: true,
    topics: ['moi-truong-thien-tai'],
    tone: 'negative',
    story: 'sat-lo-deo-bao-loc',
  },
};

// Case 3: official denial of a dam-failure rumour (Báo Lâm Đồng original), two copies.
const daiNinh: ArticleContent = {
  id: 'bld-bac-bo-tin-vo-dap-dai-ninh',
  outlet: 'baolamdong',
  title: `Thông tin "vỡ đập thủy điện Đại Ninh" là sai sự thật`,
  sapo: `UBND tỉnh Lâm Đồng khẳng định công trình thủy điện Đại Ninh vận hành an toàn, đề nghị người dân không chia sẻ thông tin sai lệch gây hoang mang.`,
  body: [
    `Từ tối 18/11, trên một số trang mạng xã hội xuất hiện bài viết kèm hình ảnh nước chảy xiết, cho rằng đập thủy điện Đại Ninh "đã vỡ một phần", khuyến cáo người dân vùng hạ du di tản khẩn cấp. Bài viết được chia sẻ nhanh, khiến nhiều người dân ở khu vực Đức Trọng, Di Linh và Bắc Bình lo lắng.`,
    `Sáng 19/11, UBND tỉnh Lâm Đồng có thông cáo báo chí khẳng định đây là thông tin sai sự thật. Qua kiểm tra, các hạng mục đập chính, đập phụ và tràn xả lũ của công trình đều hoạt động bình thường; mực nước hồ đang ở dưới mức dâng bình thường. Hình ảnh trong bài đăng được cắt từ một video quay tại địa phương khác từ năm 2023.`,
    `Đại diện đơn vị quản lý vận hành cho biết mọi hoạt động điều tiết, xả nước đều được thông báo trước cho chính quyền và người dân vùng hạ du theo quy trình vận hành liên hồ chứa.`,
    `UBND tỉnh đề nghị người dân chỉ tiếp nhận thông tin từ các cơ quan chức năng và báo chí chính thống. Công an tỉnh đang xác minh tài khoản đăng tải thông tin sai sự thật để xử lý theo quy định.`,
  ],
  author: `Minh Đạo`,
  publishedAt: '2026-11-19T14:00:00+07:00',
  section: 'Thời sự',
  tags: ['thủy điện Đại Ninh', 'tin giả', 'Lâm Đồng'],
  labels: {
    relevant: true,
    topics: ['thong-tin-sai-lech'],
    tone: 'neutral',
    story: 'bac-bo-tin-vo-dap-dai-ninh',
  },
};

export const syndicated: ArticleContent[] = [
  dakPer,
  republish(dakPer, {
    id: 'bld-hop-tac-bien-gioi-mondulkiri',
    outlet: 'baolamdong',
    title: `Tăng cường phối hợp giữ bình yên biên giới Lâm Đồng - Mondulkiri`,
    publishedAt: '2026-11-18T19:30:00+07:00',
    author: `Theo TTXVN`,
    section: 'Thời sự',
    tags: ['biên giới', 'Mondulkiri', 'Đắk Per'],
    drop: [2],
    append: {
      paragraph: 4,
      text: `Trước đó, đoàn công tác hai tỉnh đã dâng hương tại Đài tưởng niệm liệt sĩ ở xã Thuận An.`,
    },
  }),
  republish(dakPer, {
    id: 'bcp-ky-ghi-nho-lam-dong-mondulkiri',
    outlet: 'baochinhphu',
    title: `Lâm Đồng, Mondulkiri ký ghi nhớ hợp tác giai đoạn 2026-2030`,
    publishedAt: '2026-11-19T06:00:00+07:00',
    author: `Minh Khang`,
    section: 'Thời sự',
    tags: ['Lâm Đồng', 'Campuchia', 'hợp tác biên giới'],
    sapo: `Tỉnh Lâm Đồng và tỉnh Mondulkiri (Campuchia) thống nhất nhiều biện pháp phối hợp giữ gìn an ninh trật tự, tạo thuận lợi cho giao thương qua cặp cửa khẩu Đắk Per - Nam Lyr.`,
  }),
  deoBaoLoc,
  republish(deoBaoLoc, {
    id: 'vnp-sat-lo-deo-bao-loc-phan-luong',
    outlet: 'vietnamplus',
    title: `Lâm Đồng: Sạt lở trên đèo Bảo Lộc, phân luồng phương tiện qua quốc lộ 55 và 28`,
    publishedAt: '2026-11-19T08:40:00+07:00',
    author: `Đặng Tuấn`,
    section: 'Xã hội',
    tags: ['Lâm Đồng', 'sạt lở đất', 'giao thông'],
    drop: [4],
  }),
  republish(deoBaoLoc, {
    id: 'dt-deo-bao-loc-sat-lo-xe-xep-hang',
    outlet: 'dantri',
    title: `Đèo Bảo Lộc sạt lở nghiêm trọng, hàng trăm xe xếp hàng chờ qua đèo`,
    publishedAt: '2026-11-19T09:30:00+07:00',
    author: `Quang Hải`,
    section: 'Xã hội',
    tags: ['đèo Bảo Lộc', 'sạt lở', 'ùn tắc'],
    drop: [3],
    prepend: {
      paragraph: 0,
      text: `Sáng 19/11, Sở Xây dựng tỉnh Lâm Đồng cho biết đang khẩn trương khắc phục sự cố trên đèo Bảo Lộc.`,
    },
  }),
  republish(deoBaoLoc, {
    id: 'tn-mua-lon-sat-lo-deo-bao-loc',
    outlet: 'thanhnien',
    title: `Mưa lớn gây sạt lở đèo Bảo Lộc, xe cộ chỉ lưu thông một chiều`,
    publishedAt: '2026-11-19T10:05:00+07:00',
    author: `Lê Lâm`,
    section: 'Thời sự',
    tags: ['đèo Bảo Lộc', 'mưa lớn', 'quốc lộ 20'],
    append: {
      paragraph: 4,
      text: `Đèo Bảo Lộc dài khoảng 10 km, là tuyến huyết mạch nối Lâm Đồng với TP.HCM và các tỉnh Đông Nam Bộ.`,
    },
  }),
  daiNinh,
  republish(daiNinh, {
    id: 'bcp-lam-dong-bac-bo-tin-don-vo-dap',
    outlet: 'baochinhphu',
    title: `Lâm Đồng bác bỏ tin đồn vỡ đập thủy điện Đại Ninh`,
    publishedAt: '2026-11-19T15:20:00+07:00',
    author: `Minh Khang`,
    section: 'Thời sự',
    tags: ['Lâm Đồng', 'thông tin sai sự thật', 'thủy điện'],
    append: {
      paragraph: 1,
      text: `Đập Đại Ninh nằm trên sông Đa Nhim, là một trong những công trình thủy điện lớn của tỉnh.`,
    },
  }),
  republish(daiNinh, {
    id: 'vnp-khong-co-chuyen-vo-dap-dai-ninh',
    outlet: 'vietnamplus',
    title: `Lâm Đồng: Không có chuyện vỡ đập thủy điện Đại Ninh`,
    publishedAt: '2026-11-19T16:45:00+07:00',
    author: `Đặng Tuấn`,
    section: 'Xã hội',
    tags: ['Lâm Đồng', 'tin giả', 'đập thủy điện'],
    drop: [2],
  }),
];
