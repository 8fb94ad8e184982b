// The readable form of an evaluation: one screen of aligned figures, then (on request) the
// wrong labels item by item.
import type { Prf } from './metrics.ts';
import type { EvalReport } from './run.ts';

const f = (x: number): string => x.toFixed(3);
const prfLine = (s: Prf): string =>
  `P ${f(s.p)}  R ${f(s.r)}  F1 ${f(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

export function formatReport(r: EvalReport, opts: { errors?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`items classified: ${r.items}`);
  for (const s of r.skipped)
    out.push(`skipped: ${s.count} lines of unknown profile "${s.profile}"`);
  const c = r.classify;
  if (c) {
    const none = (name: string): string => `${name.padEnd(12)}not labelled in this set`;
    out.push('');
    out.push(
      c.relevance.n > 0
        ? `relevance   ${prfLine(c.relevance)}  n=${c.relevance.n}`
        : none('relevance'),
    );
    if (c.topics.n > 0) {
      out.push(`topics      micro ${prfLine(c.topics.micro)}`);
      out.push(`            macro F1 ${f(c.topics.macroF1)}  n=${c.topics.n}`);
      const width = Math.max(...c.topics.perLabel.map((t) => t.label.length));
      for (const t of c.topics.perLabel) {
        if (t.support === 0 && t.fp === 0) continue;
        out.push(
          `  ${t.label.padEnd(width)}  P ${f(t.p)}  R ${f(t.r)}  F1 ${f(t.f1)}  support ${t.support}` +
            (t.fp > 0 ? `  fp ${t.fp}` : ''),
        );
      }
    } else out.push(none('topics'));
    out.push('');
    if (c.tone.n > 0) {
      out.push(`tone        accuracy ${f(c.tone.accuracy)}  n=${c.tone.n}`);
      const cell = Math.max(9, ...c.tone.labels.map((l) => l.length + 1));
      out.push(
        `  ${'expected \\ got'.padEnd(16)}${c.tone.labels.map((l) => l.padStart(cell)).join('')}`,
      );
      c.tone.labels.forEach((l, i) => {
        const row = c.tone.matrix[i] ?? [];
        out.push(`  ${l.padEnd(16)}${row.map((n) => String(n).padStart(cell)).join('')}`);
      });
    } else out.push(none('tone'));
    out.push('');
    out.push(
      c.sensitive.n > 0
        ? `sensitive   ${prfLine(c.sensitive)}  n=${c.sensitive.n}`
        : none('sensitive'),
    );
    out.push(
      c.mentions.n > 0
        ? `mentions    ${prfLine(c.mentions)}  n=${c.mentions.n} relevant items`
        : none('mentions'),
    );
  }
  if (r.stories) {
    const s = r.stories;
    out.push(
      '',
      `stories     pairwise ${prfLine(s)}`,
      `            ${s.items} items, ${s.groups} expected stories, ${s.clusters} predicted`,
    );
  }
  if (!c && !r.stories) out.push('nothing to score: no labels and no story groups');
  if (opts.errors) {
    out.push('', `errors (${r.errors.length}):`);
    const idWidth = Math.max(0, ...r.errors.map((e) => e.id.length));
    for (const e of r.errors) {
      out.push(
        `  ${e.id.padEnd(idWidth)}  ${e.label.padEnd(9)}  expected ${e.expected}  got ${e.got}`,
      );
    }
  }
  return out.join('\n');
}
