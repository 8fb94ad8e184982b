import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileTopics, matchTopics } from '../../pipeline/classify/topics.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { ConfigError, loadTopics, readYamlFile } from '../../src/config/load.ts';
import { isPlainPhrase, TopicsConfig, type TopicsConfigInput } from '../../src/config/topics.ts';
import type { TopicId } from '../../src/schema.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const real = loadTopics(CONFIG);
// The rules alone: the topic model that weighs them (config/topic-model.json) is tested in
// topic-model.test.ts and on the labelled sets.
const compiled = compileTopics({ ...real, model: undefined });

const topicsOf = (title: string, sapo = '', body = '', topics = compiled): TopicId[] =>
  matchTopics(tokenizeDoc({ title, sapo, body }), topics);

/** The real config with one topic's lists replaced, for rules tested in isolation. */
function withTopic(id: TopicId, include: string[], exclude: string[] = []): TopicsConfig {
  const input: TopicsConfigInput = {
    topics: real.topics.map((t) => (t.id === id ? { ...t, include, exclude } : t)),
  };
  return TopicsConfig.parse(input);
}

describe('config/topics.yaml on short realistic texts', () => {
  // Each case: a title that is about the topic, and a title with the ambiguous word that is not.
  const cases: [TopicId, string, string][] = [
    [
      'bien-gioi',
      'Lâm Đồng và Mondulkiri tuần tra song phương dọc tuyến biên giới',
      'Bác sĩ Không biên giới tổ chức khám bệnh miễn phí ở Đà Lạt',
    ],
    [
      'bien-dao',
      'Ngư dân Phan Thiết vươn khơi bám biển giữ chủ quyền',
      'Áp thấp nhiệt đới trên Biển Đông có thể mạnh lên thành bão',
    ],
    [
      'nhan-quyen',
      'Việt Nam trình bày báo cáo quốc gia theo cơ chế UPR về quyền con người',
      'Quyền lợi của người mua nhà ở dự án chậm bàn giao',
    ],
    [
      'thong-tin-sai-lech',
      'Lâm Đồng bác bỏ thông tin hồ Tuyền Lâm bị giao cho tư nhân',
      'Sai lệch số liệu thống kê do lỗi phần mềm nhập liệu',
    ],
    [
      'dan-toc',
      'Già làng người K’Ho giữ gìn tiếng nói của buôn làng',
      'Phát huy sức mạnh khối đại đoàn kết dân tộc ở khu dân cư',
    ],
    [
      'ton-giao',
      'Giáo xứ Đà Lạt tổ chức thánh lễ mừng Giáng sinh',
      'Lãnh đạo tỉnh tiếp đoàn công tác của Bộ Tài chính',
    ],
    [
      'an-ninh-trat-tu',
      'Khởi tố nhóm đối tượng trộm cắp cà phê ở Di Linh',
      'Hội nghị tổng kết công tác tuyên truyền pháp luật năm 2026',
    ],
    [
      'dau-tu-kinh-te',
      'Lâm Đồng thu hút 12 dự án đầu tư vào khu công nghiệp Lộc Sơn',
      'Giáo viên đầu tư công sức cho học trò vùng cao',
    ],
    [
      'du-lich-van-hoa',
      'Du khách đổ về Đà Lạt dịp Festival Hoa',
      'Nâng cao văn hóa giao thông cho học sinh THPT',
    ],
    [
      'doi-ngoai',
      'Đại sứ Nhật Bản thăm và làm việc với UBND tỉnh Lâm Đồng',
      'Tuyển Việt Nam vào chung kết ASEAN Cup',
    ],
    [
      'moi-truong-thien-tai',
      'Mưa lớn gây sạt lở trên đèo Bảo Lộc',
      'Cơn bão giá phân bón khiến nông dân điêu đứng',
    ],
    [
      'chinh-quyen',
      'Bổ nhiệm Giám đốc Sở Nông nghiệp và Môi trường',
      'Cầu thủ bị phạt thẻ đỏ vì thiếu kỷ luật trên sân',
    ],
  ];
  for (const [topic, yes, no] of cases) {
    it(`${topic}: "${yes}" yes, "${no}" no`, () => {
      expect(topicsOf(yes)).toContain(topic);
      expect(topicsOf(no)).not.toContain(topic);
    });
  }

  it('every topic has a positive case above', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBe(12);
  });
});

describe('entry families for how coverage talks about rights, government, diplomacy, economy', () => {
  // Each case: a title the family makes the topic (a title weighs 3, enough alone), and a
  // title with the family's ambiguous wording that must not.
  const cases: [string, TopicId, string, string][] = [
    [
      'rights named as violated',
      'nhan-quyen',
      'Luật sư cho rằng việc giam giữ kéo dài xâm phạm quyền của người bị bắt',
      'Xử phạt cơ sở in sách lậu vi phạm quyền tác giả',
    ],
    [
      'rights named as such',
      'nhan-quyen',
      'Nhà báo lo ngại quy định mới hạn chế quyền tự do báo chí',
      'Giải quyết dứt điểm đơn khiếu nại về đất đai ở Đức Trọng',
    ],
    [
      'pressure on believers',
      'nhan-quyen',
      'Tín hữu nói bị ép bỏ đạo để được nhận hỗ trợ',
      'Giáo xứ tổ chức sinh hoạt tôn giáo dịp Giáng sinh',
    ],
    [
      'activists and dissent',
      'nhan-quyen',
      'Nhà hoạt động bị bắt sau loạt bài viết về thu hồi đất',
      'Kỷ niệm ngày sinh nhà hoạt động cách mạng tiền bối của tỉnh',
    ],
    [
      'abuse in custody',
      'nhan-quyen',
      'Gia đình bị can tố bị ép cung trong trại tạm giam',
      'Điều tra viên lấy lời khai bị can theo đúng quy định',
    ],
    [
      'indigenous rights',
      'nhan-quyen',
      'Tiếng nói của người bản địa về quyền với rừng và đất rẫy',
      'Trải nghiệm ẩm thực của người bản địa ở Đà Lạt',
    ],
    [
      'markets and prices',
      'dau-tu-kinh-te',
      'Giá bán cà phê nhân tăng mạnh, thương lái tranh nhau gom hàng',
      'Trường đại học công bố chuẩn đầu ra tiếng Anh',
    ],
    [
      'harvests and output',
      'dau-tu-kinh-te',
      'Nông dân Di Linh được mùa, sản lượng cà phê tăng',
      'Mẹo ngủ trưa giúp tăng năng suất làm việc',
    ],
    [
      'capital',
      'dau-tu-kinh-te',
      'Nông dân thiếu vốn mở rộng vùng trồng rau sạch',
      'Bảo tồn vốn văn hóa cồng chiêng trong thế hệ trẻ',
    ],
    [
      'the formulas of a bilateral meeting',
      'doi-ngoai',
      'Lâm Đồng và tỉnh bạn Hàn Quốc: hai bên nhất trí mở rộng hợp tác',
      'Cây xanh hai bên đường bị đốn hạ không phép',
    ],
    [
      'a foreign partner',
      'doi-ngoai',
      'Doanh nghiệp Hàn Quốc tìm hiểu cơ hội đầu tư ở Bảo Lộc',
      'Phim Hàn Quốc gây sốt ở rạp chiếu Đà Lạt',
    ],
    [
      'foreign business organisations',
      'doi-ngoai',
      'JETRO giới thiệu nông sản Lâm Đồng với nhà nhập khẩu',
      'Hội Doanh nhân trẻ Lâm Đồng ra mắt ban chấp hành mới',
    ],
    [
      'consular protection',
      'doi-ngoai',
      'Bảo hộ công dân cho ngư dân bị bắt giữ ở vùng biển nước ngoài',
      'Trang bị bảo hộ lao động cho công nhân nhà máy',
    ],
    [
      'voters and the council',
      'chinh-quyen',
      'Giám đốc Sở trả lời chất vấn về chậm cấp sổ đỏ',
      'Cư dân mạng chất vấn ca sĩ về khoản tiền từ thiện',
    ],
    [
      'national programmes run by the commune',
      'chinh-quyen',
      'Xã Tà Nung đạt chuẩn nông thôn mới nâng cao',
      'Du lịch nông thôn hút khách dịp cuối tuần',
    ],
    [
      'mass mobilisation',
      'chinh-quyen',
      'Người dân hiến đất mở rộng đường liên thôn',
      'Sinh viên hiến máu tình nguyện đợt cuối năm',
    ],
    [
      'digitised procedures',
      'chinh-quyen',
      'Số hóa hồ sơ hộ tịch giúp người dân làm thủ tục nhanh hơn',
      'Số hóa di sản Hán Nôm của các đình làng',
    ],
  ];
  for (const [family, topic, yes, no] of cases) {
    it(`${topic} / ${family}: "${yes}" yes, "${no}" no`, () => {
      expect(topicsOf(yes)).toContain(topic);
      expect(topicsOf(no)).not.toContain(topic);
    });
  }

  it('a price word in an unaccented post counts as a phrase', () => {
    expect(topicsOf('', '', 'nam nay duoc mua, gia tai vuon 25k/kg, ae inbox minh')).toContain(
      'dau-tu-kinh-te',
    );
  });
});

describe('strict diacritics', () => {
  it('keeps bão (storm) apart from báo (newspaper)', () => {
    expect(topicsOf('Bão số 5 đổ bộ vào Phan Thiết')).toContain('moi-truong-thien-tai');
    expect(topicsOf('Báo Lâm Đồng trao giải cuộc thi ảnh')).not.toContain('moi-truong-thien-tai');
  });

  it('keeps đạo in lãnh đạo out of religion', () => {
    expect(topicsOf('Lãnh đạo tỉnh kiểm tra tiến độ cao tốc')).not.toContain('ton-giao');
    expect(topicsOf('Xử lý nhóm truyền đạo lạ ở vùng sâu')).toContain('ton-giao');
  });

  it('reads a text typed without diacritics on phrases, not on marked single syllables', () => {
    const post = (body: string) => topicsOf('', '', body);
    expect(post('mua lon keo dai gay sat lo dat o deo bao loc')).toContain('moi-truong-thien-tai');
    expect(post('nghe noi ho tuyen lam sap ban cho tu nhan, that khong ae')).toContain(
      'thong-tin-sai-lech',
    );
    // "bao" alone could be bão, báo, bao, bảo: the one-syllable entry does not fire.
    expect(post('hom nay doc bao thay tin vui')).not.toContain('moi-truong-thien-tai');
    expect(post('con bao so 5 sap do bo')).toContain('moi-truong-thien-tai');
  });

  it('honours capitals written in an entry', () => {
    expect(topicsOf('Đại sứ Hàn Quốc thăm Lâm Đồng')).toContain('doi-ngoai');
    expect(topicsOf('Hoa hậu làm đại sứ thương hiệu cho hãng mỹ phẩm')).not.toContain('doi-ngoai');
  });
});

describe('exclusions and proximity', () => {
  it('an exclusion cancels only the match it overlaps', () => {
    expect(topicsOf('Bão giá vật liệu xây dựng')).not.toContain('moi-truong-thien-tai');
    expect(topicsOf('Bão giá vật liệu sau cơn bão số 3')).toContain('moi-truong-thien-tai');
    expect(topicsOf('Phóng viên Không biên giới ra báo cáo')).not.toContain('bien-gioi');
  });

  it('an exclusion written with NEAR cancels the whole span', () => {
    expect(topicsOf('Biên Phòng vô địch giải bóng chuyền quốc gia')).not.toContain('bien-gioi');
    expect(topicsOf('Đồn Biên phòng Phú Quý giúp ngư dân gặp nạn')).toContain('bien-gioi');
  });

  it('a milestone is not a border marker unless the border is near', () => {
    expect(topicsOf('Doanh nghiệp cán cột mốc doanh thu 1 tỷ USD')).not.toContain('bien-gioi');
    expect(topicsOf('Kiểm tra cột mốc số 12 trên tuyến biên giới')).toContain('bien-gioi');
  });

  it('sáp nhập counts for government only next to an administrative unit', () => {
    expect(topicsOf('Hai ngân hàng hoàn tất sáp nhập')).not.toContain('chinh-quyen');
    expect(topicsOf('Hoàn thành sáp nhập xã ở Lâm Đồng')).toContain('chinh-quyen');
  });

  it('dân tộc as nation is not ethnic minority affairs', () => {
    expect(topicsOf('Bảo tồn bản sắc dân tộc Việt Nam trong thời kỳ hội nhập')).not.toContain(
      'dan-toc',
    );
    expect(topicsOf('Hỗ trợ nhà ở cho đồng bào dân tộc thiểu số ở Lạc Dương')).toContain('dan-toc');
  });
});

describe('zone weighting', () => {
  const neutral = 'Hội nghị sơ kết công tác 6 tháng đầu năm';
  it('one entry: the title or lead suffices, the body alone does not', () => {
    expect(topicsOf('Khởi tố vụ án tại Bảo Lộc')).toContain('an-ninh-trat-tu');
    expect(topicsOf(neutral, 'Cơ quan công an đã khởi tố vụ việc.')).toContain('an-ninh-trat-tu');
    expect(topicsOf(neutral, '', 'Trước đó, công an đã khởi tố vụ việc.')).not.toContain(
      'an-ninh-trat-tu',
    );
  });

  it('in the body an entry counts once however often it occurs; two entries suffice', () => {
    const once = 'Công an khởi tố. Ngày hôm sau lại khởi tố thêm. Rồi tiếp tục khởi tố.';
    expect(topicsOf(neutral, '', once)).not.toContain('an-ninh-trat-tu');
    const two = 'Công an khởi tố vụ việc. Bị can đã được tại ngoại.';
    expect(topicsOf(neutral, '', two)).toContain('an-ninh-trat-tu');
  });

  it('the opening of a post without title or lead counts as its lead', () => {
    expect(topicsOf('', '', 'Khởi tố ông chủ quán vì gây rối.')).toContain('an-ninh-trat-tu');
    const late = `${'Chuyện thường ngày ở phố núi kể mãi không hết. '.repeat(8)}Có người bị khởi tố.`;
    expect(topicsOf('', '', late)).not.toContain('an-ninh-trat-tu');
  });

  it('NOT inside an entry reads the zones read so far', () => {
    const t = compileTopics(withTopic('chinh-quyen', ['"kỳ họp" -"Quốc hội"']));
    expect(topicsOf('Kỳ họp HĐND tỉnh khai mạc', '', '', t)).toContain('chinh-quyen');
    // Holds on the title; "Quốc hội" deeper does not undo what the title said.
    expect(topicsOf('Kỳ họp HĐND tỉnh khai mạc', '', 'Đại biểu Quốc hội dự.', t)).toContain(
      'chinh-quyen',
    );
    expect(topicsOf('Kỳ họp thứ 10 của Quốc hội', '', '', t)).not.toContain('chinh-quyen');
  });

  it('a title: field entry weighs only in the title', () => {
    const t = compileTopics(withTopic('thong-tin-sai-lech', ['title:"không có chuyện"']));
    expect(topicsOf('Không có chuyện thu phí vào hồ', '', '', t)).toContain('thong-tin-sai-lech');
    expect(topicsOf(neutral, 'Không có chuyện thu phí vào hồ.', '', t)).toEqual([]);
  });
});

describe('topics.yaml errors', () => {
  it('reads a plain phrase as one phrase and a query as written', () => {
    expect(isPlainPhrase('biên giới')).toBe(true);
    expect(isPlainPhrase("M'Nông")).toBe(true);
    expect(isPlainPhrase('bão -"bão giá"')).toBe(false);
    expect(isPlainPhrase('title:bão')).toBe(false);
    // A plain phrase is the run of syllables, not its words anywhere.
    const t = compileTopics(withTopic('bien-gioi', ['biên giới']));
    expect(topicsOf('Giới trẻ biên soạn sách', '', '', t)).not.toContain('bien-gioi');
  });

  it('names the file, the key path and the position in the query', () => {
    const broken = structuredClone(real);
    const topic = broken.topics[3];
    if (!topic) throw new Error('test setup: topic 3 missing');
    while (topic.include.length < 6) topic.include.push('tin đồn');
    topic.include[5] = '"tin giả" OR (xuyên tạc';
    const dir = mkdtempSync(path.join(tmpdir(), 'diemtin-topics-'));
    const file = path.join(dir, 'topics.yaml');
    writeFileSync(file, stringify(broken));
    let message = '';
    try {
      readYamlFile(file, TopicsConfig);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain('topics.yaml');
    expect(message).toContain('topics.3.include.5');
    expect(message).toMatch(/position 13\b/);
  });

  it('refuses metadata filters and errors in exclude entries', () => {
    const meta = TopicsConfig.safeParse({
      topics: real.topics.map((t, i) => (i === 0 ? { ...t, exclude: ['tone:negative'] } : t)),
    });
    expect(meta.success).toBe(false);
    expect(meta.error?.issues[0]?.path).toEqual(['topics', 0, 'exclude', 0]);
    expect(meta.error?.issues[0]?.message).toMatch(/position 0: .*metadata/);
  });

  it('the real file compiles every entry in strict mode', () => {
    const entries = real.topics.reduce((n, t) => n + t.include.length + t.exclude.length, 0);
    expect(compiled.queries.queries).toHaveLength(entries);
    expect([...compiled.sensitive].sort()).toEqual(
      ['bien-dao', 'bien-gioi', 'dan-toc', 'nhan-quyen', 'thong-tin-sai-lech', 'ton-giao'].sort(),
    );
  });
});
