// Topics on real, long articles: the VNTC sample in ../shared/data/labeled (300 articles of
// Vietnamese online papers, 30 for each of 10 sections, 300–650 words on average). A section is
// not a taxonomy label, so only what maps cleanly is scored: business articles should carry
// đầu tư, kinh tế; law (crime) articles an ninh, trật tự; sport and culture articles du lịch,
// văn hóa (the taxonomy puts sport events there). Health, science, IT and lifestyle articles
// lie mostly outside the taxonomy: the share that gets any topic at all is what a long text's
// passing words cost. Printed; the floors sit under the measured figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTopics, matchTopics } from '../../pipeline/classify/topics.ts';
import { tokenizeDoc } from '../../pipeline/locate.ts';
import { loadTopics } from '../../src/config/load.ts';
import type { TopicId } from '../../src/schema.ts';

const VNTC = path.resolve(process.cwd(), '../shared/data/labeled/vntc_train_sample_10topics.jsonl');

const EXPECTED: Record<string, { topic: TopicId; floor: number }> = {
  'Kinh doanh': { topic: 'dau-tu-kinh-te', floor: 0.75 },
  'Phap luat': { topic: 'an-ninh-trat-tu', floor: 0.7 },
  'The thao': { topic: 'du-lich-van-hoa', floor: 0.75 },
  'Van hoa': { topic: 'du-lich-van-hoa', floor: 0.65 },
};
const OUTSIDE = ['Suc khoe', 'Khoa hoc', 'Vi tinh', 'Doi song'];
/**
 * Most articles of these sections should get no topic. Some rightly do: science pages carry
 * climate and storm stories (môi trường, thiên tai) and space cooperation (đối ngoại).
 */
const OUTSIDE_CEILING = 0.4;

describe('topics on long real articles (VNTC sample)', () => {
  if (!existsSync(VNTC)) {
    it('skipped: the VNTC sample is not there', () => {
      console.log(`topics-vntc: ${VNTC} not found; measurement skipped`);
    });
    return;
  }
  it('finds the section topic and stays quiet on sections outside the taxonomy', () => {
    const topics = compileTopics(loadTopics(path.resolve(process.cwd(), 'config')));
    const bySection = new Map<string, TopicId[][]>();
    for (const line of readFileSync(VNTC, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const x = JSON.parse(line) as { label: string; text: string };
      // The first line of a VNTC file is the title.
      const [title = '', ...rest] = x.text.split('\n');
      const got = matchTopics(tokenizeDoc({ title, sapo: '', body: rest.join('\n') }), topics);
      bySection.set(x.label, [...(bySection.get(x.label) ?? []), got]);
    }
    const lines: string[] = [];
    for (const [section, { topic, floor }] of Object.entries(EXPECTED)) {
      const all = bySection.get(section) ?? [];
      const recall = all.filter((t) => t.includes(topic)).length / all.length;
      lines.push(
        `  ${section.padEnd(11)} → ${topic.padEnd(16)} ${recall.toFixed(3)} of ${all.length}`,
      );
      expect(all.length, section).toBeGreaterThan(20);
      expect(recall, `${section} → ${topic}`).toBeGreaterThanOrEqual(floor);
    }
    for (const section of OUTSIDE) {
      const all = bySection.get(section) ?? [];
      const share = all.filter((t) => t.length > 0).length / all.length;
      lines.push(`  ${section.padEnd(11)} any topic ${share.toFixed(3)} of ${all.length}`);
      expect(all.length, section).toBeGreaterThan(20);
      expect(share, `${section}: share with a topic`).toBeLessThanOrEqual(OUTSIDE_CEILING);
    }
    console.log(`topics on the VNTC sample:\n${lines.join('\n')}`);
  });
});
