// classify: the labels of taxonomy.md for one text: relevance and mentions (locate), topics,
// tone and sensitivity. Pure: everything it needs is compiled once into the context.
import type { ProvinceProfile } from '../../src/config/province.ts';
import type { TopicsConfig } from '../../src/config/topics.ts';
import { Classification, type TextItem } from '../../src/schema.ts';
import { compileProfile, locateTokens, tokenizeDoc, type CompiledProfile } from '../locate.ts';
import { sensitivityOf } from './sensitivity.ts';
import { compileTone, scoreTone, type CompiledTone } from './tone.ts';
import { compileTopics, matchTopics, type CompiledTopics } from './topics.ts';

export type ClassifyContext = {
  readonly profile: CompiledProfile;
  readonly topics: CompiledTopics;
  readonly tone: CompiledTone;
};

export function createClassifyContext(
  profile: ProvinceProfile,
  topics: TopicsConfig,
): ClassifyContext {
  return { profile: compileProfile(profile), topics: compileTopics(topics), tone: compileTone() };
}

export function classify(item: TextItem, ctx: ClassifyContext): Classification {
  const doc = tokenizeDoc({ title: item.title, sapo: item.sapo, body: item.body });
  const where = locateTokens(doc, ctx.profile);
  const topics = matchTopics(doc, ctx.topics);
  const { tone } = scoreTone(doc, ctx.tone, {
    misinformation: topics.includes('thong-tin-sai-lech'),
    sourceCategory: item.sourceCategory,
  });
  const { sensitive, reasons } = sensitivityOf({
    relevant: where.relevant,
    topics,
    tone,
    sourceCategory: item.sourceCategory,
    sensitiveTopics: ctx.topics.sensitive,
  });
  const out = Classification.safeParse({
    id: item.id,
    relevant: where.relevant,
    relevance: where.relevance,
    mentions: where.mentions,
    topics,
    tone,
    sensitive,
    sensitiveReasons: reasons,
  });
  if (!out.success) {
    throw new Error(`classify: invalid output for item "${item.id}"`, { cause: out.error });
  }
  return out.data;
}
