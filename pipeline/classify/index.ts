// classify: the labels of taxonomy.md for one text: relevance and mentions (locate), topics,
// tone and sensitivity. Pure: everything it needs is compiled once into the context.
import type { ProvinceProfile } from '../../src/config/province.ts';
import type { LoadedTopics } from '../../src/config/topics.ts';
import { Classification, type TextItem, type TopicId } from '../../src/schema.ts';
import {
  compileProfile,
  locateTokens,
  tokenizeDoc,
  type CompiledProfile,
  type TokenizedDoc,
} from '../locate.ts';
import { sensitivityOf } from './sensitivity.ts';
import { compileTone, scoreTone, type CompiledTone, type ToneResult } from './tone.ts';
import { modelTone, type ToneModel } from './tone-model.ts';
import { compileTopics, matchTopics, type CompiledTopics } from './topics.ts';

export type ClassifyContext = {
  readonly profile: CompiledProfile;
  readonly topics: CompiledTopics;
  readonly tone: CompiledTone;
  /** Decides the tone of long texts from the lexicon's evidence (tone-model.ts). */
  readonly toneModel: ToneModel | undefined;
};

export function createClassifyContext(
  profile: ProvinceProfile,
  topics: LoadedTopics,
): ClassifyContext {
  return {
    profile: compileProfile(profile),
    topics: compileTopics(topics),
    tone: compileTone(),
    toneModel: topics.toneModel,
  };
}

/** The text read once: its tokens, its topics and the lexicon's evidence on its tone. */
export type ToneEvidence = { doc: TokenizedDoc; topics: TopicId[]; scored: ToneResult };

/** What classify decides tone from; the tone model trains on the same (tone-training.ts). */
export function toneEvidence(item: TextItem, ctx: ClassifyContext): ToneEvidence {
  const doc = tokenizeDoc({ title: item.title, sapo: item.sapo, body: item.body });
  const topics = matchTopics(doc, ctx.topics);
  const scored = scoreTone(doc, ctx.tone, {
    misinformation: topics.includes('thong-tin-sai-lech'),
    sourceCategory: item.sourceCategory,
  });
  return { doc, topics, scored };
}

export function classify(item: TextItem, ctx: ClassifyContext): Classification {
  const { doc, topics, scored } = toneEvidence(item, ctx);
  const where = locateTokens(doc, ctx.profile);
  const tone = ctx.toneModel
    ? modelTone(ctx.toneModel, scored, doc, topics, item.sourceCategory)
    : scored.tone;
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
