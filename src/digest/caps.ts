// How many stories each section lists. A daily bulletin is read in full on a phone; a monthly
// one over ~25,000 articles must choose, and a list of hundreds would hide what matters. The
// overview figures always count everything; only the item lists are capped, and a capped list
// says how many it left out.
import type { AppConfig } from '../config/app.ts';
import type { DigestKind } from './window.ts';

export interface SectionCaps {
  highlights: number;
  positive: number;
  attention: number;
  topicEntries: number;
}

export const DEFAULT_CAPS: Record<DigestKind, SectionCaps> = {
  daily: { highlights: 5, positive: 30, attention: 50, topicEntries: 10 },
  weekly: { highlights: 7, positive: 15, attention: 30, topicEntries: 5 },
  monthly: { highlights: 10, positive: 20, attention: 40, topicEntries: 5 },
  custom: { highlights: 10, positive: 20, attention: 40, topicEntries: 5 },
};

export function capsFor(kind: DigestKind, config: AppConfig): SectionCaps {
  return { ...DEFAULT_CAPS[kind], ...config.bulletin.caps[kind] };
}
