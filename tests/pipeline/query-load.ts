// A realistic matcher load: one provincial article of about 600 words and 12 topic-like
// queries of about ten terms each. The matcher test asserts what matches on it; bench/query.ts
// times it.
import type { QueryDocument } from '../../pipeline/query/index.ts';

export const ARTICLE: QueryDocument = {
  title: 'Lâm Đồng: mưa lớn gây sạt lở, biên phòng hỗ trợ người dân vùng biên di dời',
  sapo: 'Mưa lớn kéo dài nhiều ngày khiến nhiều tuyến đường ở các xã phía tây tỉnh Lâm Đồng bị sạt lở, chia cắt. Lực lượng biên phòng, dân quân và chính quyền địa phương đã hỗ trợ hàng trăm hộ dân di dời đến nơi an toàn.',
  body: [
    'Từ chiều ngày 18 đến sáng ngày 20 tháng 11, trên địa bàn các xã Quảng Trực, Đắk Búk So và Thuận Hạnh có mưa to đến rất to. Lượng mưa đo được tại nhiều trạm vượt 250 mm, cao nhất trong vòng mười năm trở lại đây. Nước từ các khe suối dâng nhanh, nhiều đoạn đường liên xã bị ngập sâu, có nơi sạt lở taluy dương làm đất đá tràn xuống mặt đường.',
    'Theo báo cáo nhanh của Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn tỉnh, đến sáng nay đã có 46 điểm sạt lở lớn nhỏ, ba cây cầu tạm bị nước cuốn trôi và hơn 300 héc ta cà phê, sầu riêng, hồ tiêu bị ảnh hưởng. Chưa có thiệt hại về người, nhưng khoảng 120 hộ dân ở các thôn gần suối phải sơ tán khẩn cấp trong đêm.',
    'Ngay khi nhận được tin báo, Đồn Biên phòng Bu Prăng đã điều động cán bộ, chiến sĩ phối hợp với dân quân xã, công an xã đến từng nhà vận động người dân di chuyển tài sản, gia súc lên vùng cao. Các tổ công tác dùng xuồng máy đưa người già, trẻ nhỏ và phụ nữ mang thai qua những đoạn ngập sâu. Bộ đội biên phòng cũng giúp bà con chằng chống nhà cửa, khơi thông dòng chảy ở các cống thoát nước.',
    'Trung tá Nguyễn Văn Hùng, Đồn trưởng Đồn Biên phòng Bu Prăng, cho biết đơn vị duy trì lực lượng trực ứng cứu suốt ngày đêm, đồng thời vẫn bảo đảm nhiệm vụ tuần tra, kiểm soát trên tuyến biên giới. Các điểm chốt gần cột mốc được tăng cường quân số để phòng ngừa lợi dụng thời tiết xấu xuất cảnh, nhập cảnh trái phép.',
    'Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành khẩn trương khắc phục hậu quả. Sở Giao thông vận tải bố trí máy móc thông tuyến tại các điểm sạt lở trên quốc lộ 14C, dự kiến thông xe tạm trong ngày 21 tháng 11. Sở Nông nghiệp và Môi trường cử cán bộ xuống hiện trường thống kê thiệt hại cây trồng, hướng dẫn nông dân xử lý vườn cây sau ngập úng để hạn chế nấm bệnh.',
    'Tại điểm sơ tán ở trường tiểu học xã Quảng Trực, chính quyền xã cùng Hội Chữ thập đỏ và Mặt trận Tổ quốc đã chuẩn bị mì tôm, gạo, nước uống và chăn màn. Nhiều doanh nghiệp, nhà hảo tâm trong tỉnh cũng gửi hàng cứu trợ. Một số hộ đồng bào dân tộc thiểu số M’Nông được bố trí ở tạm nhà văn hóa thôn, có cán bộ y tế thăm khám hằng ngày.',
    'Đài Khí tượng Thủy văn khu vực dự báo trong hai ngày tới mưa sẽ giảm dần, tuy nhiên nguy cơ lũ quét và sạt lở đất ở vùng núi vẫn ở mức cao do đất đã bão hòa nước. Người dân được khuyến cáo không qua lại các ngầm tràn, không vào rừng khai thác lâm sản và theo dõi thông tin cảnh báo trên loa truyền thanh của xã.',
    'Trên mạng xã hội xuất hiện một số thông tin cho rằng hồ thủy điện phía thượng nguồn đã vỡ đập. Công an tỉnh khẳng định đây là thông tin sai sự thật; các hồ thủy điện vẫn vận hành an toàn và việc xả lũ được thông báo trước theo quy trình. Cơ quan chức năng đang xác minh các tài khoản đăng tải để xử lý theo quy định của pháp luật.',
    'Lãnh đạo tỉnh đánh giá cao tinh thần chủ động của lực lượng vũ trang và người dân trong ứng phó với thiên tai, đồng thời yêu cầu các địa phương rà soát lại khu dân cư ven sông suối, xây dựng phương án di dời lâu dài cho những hộ ở vùng có nguy cơ sạt lở cao. Việc hỗ trợ khôi phục sản xuất, sửa chữa trường học và trạm y tế sẽ được triển khai ngay sau khi nước rút.',
  ].join('\n\n'),
  topics: ['moi-truong-thien-tai'],
  tone: 'negative',
  sourceId: 'baolamdong',
  sourceCategory: 'provincial-press',
  publishedAt: '2026-11-20T09:15:00+07:00',
};

export const QUERIES = [
  [
    'bien-gioi',
    '"biên giới" OR "đường biên" OR "cột mốc" OR "cửa khẩu" OR "biên phòng" OR "vượt biên" OR "xuất cảnh trái phép" OR "nhập cảnh trái phép" OR "tuần tra chung" OR Mondulkiri',
  ],
  [
    'bien-dao',
    '"biển đảo" OR "chủ quyền biển" OR "Biển Đông" OR "Hoàng Sa" OR "Trường Sa" OR "vùng biển" OR "thềm lục địa" OR "hải đảo" OR "huyện đảo" OR "ngư dân"',
  ],
  [
    'nhan-quyen',
    '"nhân quyền" OR "quyền con người" OR "tự do ngôn luận" OR "tù nhân lương tâm" OR "bắt giữ" OR "dân chủ" OR "biểu tình" OR "khiếu kiện" OR "đàn áp" OR "tự do báo chí"',
  ],
  [
    'thong-tin-sai-lech',
    '"thông tin sai sự thật" OR "tin giả" OR "tin đồn" OR "xuyên tạc" OR "bác bỏ" OR "bịa đặt" OR "sai sự thật" OR "mạo danh" OR "lan truyền" OR "không đúng sự thật"',
  ],
  [
    'dan-toc',
    '"dân tộc thiểu số" OR "đồng bào" OR "M\'Nông" OR "K\'Ho" OR "Mạ" OR "Chu Ru" OR "Chăm" OR "buôn làng" OR "già làng" OR "người có uy tín"',
  ],
  [
    'ton-giao',
    '"tôn giáo" OR "Tin Lành" OR "Công giáo" OR "Phật giáo" OR "giáo xứ" OR "nhà thờ" OR "chùa" OR "tín ngưỡng" OR "đạo lạ" OR "truyền đạo trái phép"',
  ],
  [
    'an-ninh-trat-tu',
    '"an ninh" OR "trật tự" OR "công an" OR "bắt giữ" OR "khởi tố" OR "tội phạm" OR "ma túy" OR "cướp" OR "đánh bạc" OR ("tai nạn" NEAR/2 "giao thông")',
  ],
  [
    'dau-tu-kinh-te',
    '"đầu tư" OR "doanh nghiệp" OR "dự án" OR "khu công nghiệp" OR "bô xít" OR "cà phê" OR "sầu riêng" OR "xuất khẩu" OR "tăng trưởng" OR "ngân sách"',
  ],
  [
    'du-lich-van-hoa',
    '"du lịch" OR "lễ hội" OR "Đà Lạt" OR "festival" OR "di sản" OR "cồng chiêng" OR "du khách" OR "khách sạn" OR "homestay" OR "nhà văn hóa"',
  ],
  [
    'doi-ngoai',
    '"đối ngoại" OR "Campuchia" OR "hợp tác quốc tế" OR "đại sứ" OR "ngoại giao" OR "Mondulkiri" OR "hữu nghị" OR "viện trợ" OR "tổng lãnh sự" OR "đoàn công tác"',
  ],
  [
    'moi-truong-thien-tai',
    '("sạt lở" OR "lũ quét" OR "mưa lớn" OR bão* OR "ngập úng" OR "thiên tai" OR "thủy điện" OR "xả lũ" OR "cháy rừng") -"bão giá" -"thiên tai tài chính"',
  ],
  [
    'chinh-quyen',
    'title:("Ủy ban nhân dân" OR "chủ tịch" OR "bí thư" OR "Tỉnh ủy") OR "Ủy ban nhân dân tỉnh" OR "Hội đồng nhân dân" OR "cán bộ" OR "chính quyền xã" OR "lãnh đạo tỉnh" OR "sáp nhập" OR "kỷ luật"',
  ],
] as const;

/** What the 12 queries match on ARTICLE in strict mode. */
export const EXPECTED = [
  'bien-gioi',
  'thong-tin-sai-lech',
  'dan-toc',
  'an-ninh-trat-tu',
  'dau-tu-kinh-te',
  'du-lich-van-hoa',
  'moi-truong-thien-tai',
  'chinh-quyen',
];
