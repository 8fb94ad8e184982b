// SAMPLE DATA — ALL FICTIONAL (see the comment at the top of each content file).
// The whole sample, oldest first.
import type { ArticleContent } from '../types.ts';
import { beforeWindow } from './before-window.ts';
import { afterCutoff, inWindow } from './in-window.ts';
import { syndicated } from './syndicated.ts';

export const sampleContent: ArticleContent[] = [
  ...beforeWindow,
  ...syndicated,
  ...inWindow,
  ...afterCutoff,
].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
