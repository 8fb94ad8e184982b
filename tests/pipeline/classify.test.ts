import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile, loadTopics } from '../../src/config/load.ts';
import { classify, createClassifyContext } from '../../pipeline/classify/index.ts';
import { TextItem, type TextItemInput } from '../../src/schema.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const ctx = createClassifyContext(loadProfile(CONFIG, 'lam-dong'), loadTopics(CONFIG));
const run = (x: Partial<TextItemInput>) =>
  classify(TextItem.parse({ id: 't', title: '', body: '', ...x }), ctx);

describe('classify: topics', () => {
  it('finds several topics and none when nothing matches', () => {
    const c = run({
      title: 'Bắt xe chở gỗ lậu qua biên giới ở Đắk Mil',
      sapo: 'Lực lượng biên phòng phát hiện xe tải chở gỗ không rõ nguồn gốc.',
    });
    expect(c.topics).toEqual(['bien-gioi', 'an-ninh-trat-tu']);
    expect(
      run({ title: 'Lịch phát sóng cuối tuần', body: 'Chương trình như thường lệ.' }).topics,
    ).toEqual([]);
  });

  it('needs more than one passing body word for a topic', () => {
    const c = run({
      title: 'Đoàn đại biểu tỉnh Champasak thăm Lâm Đồng',
      body: 'Hai bên trao đổi kinh nghiệm phát triển du lịch.',
    });
    expect(c.topics).toEqual(['doi-ngoai']);
  });

  it('applies exclusions: "bão giá" is no storm, "Phóng viên Không biên giới" no border', () => {
    expect(run({ title: 'Bão giá phân bón ở Di Linh' }).topics).not.toContain(
      'moi-truong-thien-tai',
    );
    expect(run({ title: 'Bão số 9 đổ bộ, Di Linh mưa lớn' }).topics).toContain(
      'moi-truong-thien-tai',
    );
    expect(run({ title: 'Tổ chức Phóng viên Không biên giới ra báo cáo' }).topics).toEqual([
      'nhan-quyen',
    ]);
  });
});

describe('classify: tone', () => {
  it('reads a crime story as negative even when the police succeed', () => {
    const c = run({
      title: 'Trộm 2 tấn cà phê của hàng xóm ở Di Linh',
      body: 'Công an nhanh chóng bắt giữ ba đối tượng, thu hồi tài sản.',
    });
    expect(c.tone).toBe('negative');
    expect(c.topics).toContain('an-ninh-trat-tu');
    // Not a sensitive topic, not a foreign outlet: no alert.
    expect(c.sensitive).toBe(false);
  });

  it('reads achievements as positive', () => {
    expect(
      run({ title: 'Lâm Đồng tăng trưởng kinh tế cao nhất vùng, xuất khẩu tăng mạnh' }).tone,
    ).toBe('positive');
  });

  it('turns negated harm: "không vi phạm", "không có thương vong"', () => {
    const neg = run({ title: 'Tàu cá Phan Thiết vi phạm vùng biển nước ngoài' });
    const notNeg = run({ title: 'Ngư dân Phan Thiết cam kết không vi phạm vùng biển nước ngoài' });
    expect(neg.tone).toBe('negative');
    expect(notNeg.tone).not.toBe('negative');
    expect(run({ title: 'Mưa lớn ở Bảo Lộc, không có thương vong' }).tone).not.toBe('negative');
  });

  it('turns negated praise: "chưa hoàn thành" is not an achievement', () => {
    expect(run({ title: 'Dự án ở Gia Nghĩa hoàn thành đúng hạn, hiệu quả' }).tone).toBe('positive');
    expect(run({ title: 'Dự án ở Gia Nghĩa chưa hoàn thành, chưa hiệu quả' }).tone).not.toBe(
      'positive',
    );
  });

  it('drops the valence of what is prevented: "phòng chống ma túy"', () => {
    expect(run({ title: 'Lâm Đồng ra quân phòng chống ma túy' }).tone).not.toBe('negative');
  });

  it('keeps a plain announcement neutral', () => {
    expect(
      run({ title: 'Công bố quyết định bổ nhiệm Phó Giám đốc Sở Nội vụ tỉnh Lâm Đồng' }).tone,
    ).toBe('neutral');
  });
});

describe('classify: misinformation and denials', () => {
  it('an official denial ("không có chuyện…") is thong-tin-sai-lech, not negative', () => {
    const c = run({
      title: 'Không có chuyện thu phí vào hồ Tuyền Lâm',
      sapo: 'Sở Du lịch tỉnh Lâm Đồng khẳng định thông tin lan truyền trên mạng là bịa đặt.',
      sourceCategory: 'provincial-press',
    });
    expect(c.topics).toContain('thong-tin-sai-lech');
    expect(c.tone).not.toBe('negative');
    expect(c.sensitive).toBe(false);
  });

  it('a denial with rumour words ("sạt lở kinh hoàng") stays non-negative', () => {
    const c = run({
      title: 'Phạt người dựng video sai sự thật về sạt lở kinh hoàng ở Bảo Lộc',
      body: 'Qua xác minh, không có vụ sạt lở nào như mô tả.',
    });
    expect(c.topics).toContain('thong-tin-sai-lech');
    expect(c.tone).not.toBe('negative');
  });

  it('the rumour told by a hostile outlet is negative and sensitive', () => {
    const c = run({
      title: 'Tin đồn: chính quyền Lâm Đồng cấm dân vào hồ Tuyền Lâm',
      sapo: 'Người dân bức xúc, lo lắng vì bị cấm vào khu vực hồ.',
      sourceCategory: 'foreign-vietnamese',
    });
    expect(c.tone).toBe('negative');
    expect(c.sensitive).toBe(true);
    expect(c.sensitiveReasons).toEqual([
      'sensitive-topic-negative:thong-tin-sai-lech',
      'foreign-vietnamese-negative',
    ]);
  });
});

describe('classify: sensitivity', () => {
  it('flags a negative sensitive topic about the province', () => {
    const c = run({
      title: 'Chậm giải ngân vốn vùng đồng bào dân tộc thiểu số ở Lâm Đồng',
      sapo: "Nhiều hộ đồng bào M'Nông chờ hỗ trợ nhà ở hơn một năm do vướng thủ tục.",
    });
    expect(c.tone).toBe('negative');
    expect(c.sensitiveReasons).toContain('sensitive-topic-negative:dan-toc');
    expect(c.sensitive).toBe(true);
  });

  it('flags negative coverage from a foreign Vietnamese-language outlet', () => {
    const c = run({
      title: 'Người dân Đà Lạt bức xúc vì ô nhiễm kéo dài',
      sourceCategory: 'foreign-vietnamese',
    });
    expect(c.topics).not.toContain('thong-tin-sai-lech');
    expect(c.sensitiveReasons).toEqual(['foreign-vietnamese-negative']);
  });

  it('never flags what is not about the province', () => {
    const c = run({
      title: 'Blogger ở Hà Nội bị bắt, các tổ chức nhân quyền lên tiếng',
      sourceCategory: 'foreign-vietnamese',
    });
    expect(c.relevant).toBe(false);
    expect(c.tone).toBe('negative');
    expect(c.sensitive).toBe(false);
    expect(c.sensitiveReasons).toEqual([]);
  });

  it('does not flag a positive sensitive topic', () => {
    const c = run({
      title: 'Biên phòng Lâm Đồng khám bệnh miễn phí cho người dân Mondulkiri',
      sapo: 'Hoạt động góp phần vun đắp tình hữu nghị hai bên biên giới.',
    });
    expect(c.topics).toContain('bien-gioi');
    expect(c.tone).toBe('positive');
    expect(c.sensitive).toBe(false);
  });
});

describe('classify: output', () => {
  it('carries id, mentions and relevance through', () => {
    const c = classify(
      TextItem.parse({ id: 'abc', title: 'Mưa lớn ở Đà Lạt', sapo: null, body: '' }),
      ctx,
    );
    expect(c.id).toBe('abc');
    expect(c.relevant).toBe(true);
    expect(c.mentions).toEqual([{ name: 'Đà Lạt', field: 'title', count: 1 }]);
    expect(c.relevance).toBeGreaterThan(0.5);
  });
});
