import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadProfile, loadTopics, readYamlFile } from '../../src/config/load.ts';
import { ProvinceProfile } from '../../src/config/province.ts';
import { TopicsConfig } from '../../src/config/topics.ts';
import { SENSITIVE_TOPICS, TOPIC_IDS, TOPIC_LABELS } from '../../src/schema.ts';

const CONFIG = path.resolve(process.cwd(), 'config');
const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures/classify');

describe('the real config files', () => {
  it('config/provinces/lam-dong.yaml parses', () => {
    const p = loadProfile(CONFIG, 'lam-dong');
    expect(p.name).toBe('Lâm Đồng');
    expect(p.formerProvinces.map((f) => f.name)).toEqual(['Đắk Nông', 'Bình Thuận']);
    expect(p.places.length).toBeGreaterThan(100);
    for (const name of ['Đà Lạt', 'Bảo Lộc', 'Gia Nghĩa', 'Phan Thiết', 'Mũi Né', 'Đèo Bảo Lộc']) {
      expect(p.places.find((pl) => pl.name === name)?.ambiguous).toBe(false);
    }
    // Every name is stored in NFC, so mentions compare equal to what users type.
    for (const pl of p.places) expect(pl.name).toBe(pl.name.normalize('NFC'));
  });

  it('config/topics.yaml parses, with the taxonomy labels and sensitive flags', () => {
    const t = loadTopics(CONFIG);
    expect(t.topics.map((x) => x.id)).toEqual([...TOPIC_IDS]);
    for (const x of t.topics) {
      expect(x.label).toBe(TOPIC_LABELS[x.id]);
      expect(x.sensitive).toBe(SENSITIVE_TOPICS.includes(x.id));
    }
  });
});

describe('schema errors', () => {
  it('rejects an unknown key in a place, naming the file and the key', () => {
    expect(() =>
      readYamlFile(path.join(FIXTURES, 'profile-unknown-key.yaml'), ProvinceProfile),
    ).toThrow(/profile-unknown-key\.yaml: places\.0: Unrecognized key.*ambigous/);
  });

  it('rejects a topics file with missing topics, naming them', () => {
    expect(() => readYamlFile(path.join(FIXTURES, 'topics-missing.yaml'), TopicsConfig)).toThrow(
      ConfigError,
    );
    expect(() => readYamlFile(path.join(FIXTURES, 'topics-missing.yaml'), TopicsConfig)).toThrow(
      /missing topics: nhan-quyen, thong-tin-sai-lech/,
    );
  });

  it('rejects a duplicate topic and an unknown topic id', () => {
    const base = loadTopics(CONFIG);
    const first = base.topics[0]!;
    const dup = TopicsConfig.safeParse({ topics: [...base.topics, first] });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues.map((i) => i.message)).toContain('duplicate topic "bien-gioi"');
    const unknown = TopicsConfig.safeParse({
      topics: [...base.topics, { ...first, id: 'the-weather' }],
    });
    expect(unknown.success).toBe(false);
  });

  it('rejects a partOf that names no known place and a spelling shared by two places', () => {
    const bad = ProvinceProfile.safeParse({
      id: 'x',
      name: 'Lâm Đồng',
      places: [
        { name: 'Đèo Bảo Lộc', kind: 'landmark', partOf: 'Bảo Lộc' },
        { name: 'Đà Lạt', kind: 'capital', variants: ['Lâm Đồng'] },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join(' | ') ?? '';
    expect(messages).toMatch(/partOf "Bảo Lộc" is not/);
    expect(messages).toMatch(/spelling "Lâm Đồng" is used by both/);
  });

  it('rejects an unknown place kind', () => {
    const bad = ProvinceProfile.safeParse({
      id: 'x',
      name: 'Lâm Đồng',
      places: [{ name: 'Đà Lạt', kind: 'metropolis' }],
    });
    expect(bad.success).toBe(false);
  });
});
