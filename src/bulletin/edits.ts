// The editor's work on a bulletin, kept apart from the generated model: the draft can be rebuilt
// (new articles came in, a rule was fixed) and the same edits are applied again to the new
// model, so nothing the editor did is lost. Items are named by their story key, which a rebuild
// keeps (the story id comes from its first member).
import { z } from 'zod';

export const EDITABLE_SECTIONS = ['highlights', 'positive', 'attention'] as const;
export type EditableSection = (typeof EDITABLE_SECTIONS)[number];

export const BulletinEdits = z.strictObject({
  /** Story keys shown first in "Tin nổi bật", in this order, wherever they were generated. */
  pinned: z.array(z.string().min(1)).default([]),
  /** Story keys removed from every section (the figures still count their articles). */
  dropped: z.array(z.string().min(1)).default([]),
  /** Per section: these keys first, in this order; the others keep their generated order. */
  order: z.partialRecord(z.enum(EDITABLE_SECTIONS), z.array(z.string().min(1))).default({}),
  /** Summaries rewritten by the editor, by story key. */
  summaries: z.record(z.string(), z.string().min(1)).default({}),
  /** Proposed handlings rewritten by the editor (items of "Thông tin cần lưu ý"). */
  handlings: z.record(z.string(), z.string().min(1)).default({}),
  /** The editor's proposals (đề xuất); null keeps the generated ones. */
  proposals: z.array(z.string().min(1)).nullable().default(null),
});
export type BulletinEdits = z.infer<typeof BulletinEdits>;

export const NO_EDITS: BulletinEdits = Object.freeze({
  pinned: [],
  dropped: [],
  order: {},
  summaries: {},
  handlings: {},
  proposals: null,
});

/** What applyEdits needs of an item: DigestItem (src/digest/model.ts) has at least this. */
export interface EditableItem {
  key: string;
  summary: string;
  handling: string | null;
}

/**
 * The parts of DigestModel the editor changes. Typed structurally so every period's model
 * (daily, weekly, monthly) takes the same edits.
 */
export interface EditableModel<I extends EditableItem = EditableItem> {
  highlights: { items: I[] };
  positive: { items: I[] };
  attention: { note: string | null; groups: { items: I[] }[] };
  proposals: { lines: string[] };
}

/** The edited bulletin: a new model, the input left untouched. Pure. */
export function applyEdits<I extends EditableItem, M extends EditableModel<I>>(
  model: M,
  edits: BulletinEdits,
): M {
  const out = structuredClone(model);
  const dropped = new Set(edits.dropped);
  const edit = (item: I): I => {
    const summary = edits.summaries[item.key];
    const handling = item.handling !== null ? edits.handlings[item.key] : undefined;
    return {
      ...item,
      ...(summary !== undefined ? { summary } : {}),
      ...(handling !== undefined ? { handling } : {}),
    };
  };
  const keep = (items: I[]): I[] => items.filter((i) => !dropped.has(i.key)).map(edit);

  // Pinned items lead the highlights. An item generated under "Thông tin tích cực" moves up
  // (that section omits what the highlights show); attention items stay where they are too,
  // because section III is complete by design and each of its items carries a handling.
  const everywhere = [
    ...out.highlights.items,
    ...out.positive.items,
    ...out.attention.groups.flatMap((g) => g.items),
  ];
  const pinned = edits.pinned
    .filter((k) => !dropped.has(k))
    .map((k) => everywhere.find((i) => i.key === k))
    .filter((i): i is I => i !== undefined)
    .map((i) => ({ ...i, handling: null }));
  const pinnedKeys = new Set(pinned.map((i) => i.key));
  out.highlights.items = keep([
    ...pinned,
    ...out.highlights.items.filter((i) => !pinnedKeys.has(i.key)),
  ]);
  out.positive.items = keep(out.positive.items.filter((i) => !pinnedKeys.has(i.key)));
  out.attention.groups = out.attention.groups
    .map((g) => ({ ...g, items: keep(g.items) }))
    .filter((g) => g.items.length > 0);

  out.highlights.items = reorder(out.highlights.items, edits.order.highlights);
  out.positive.items = reorder(out.positive.items, edits.order.positive);
  const attentionOrder = edits.order.attention;
  out.attention.groups = out.attention.groups.map((g) => ({
    ...g,
    items: reorder(g.items, attentionOrder),
  }));
  // The generated note counts the section's items ("3 nội dung phản ánh, …"): keep it true.
  if (out.attention.note !== null) {
    const count = out.attention.groups.reduce((n, g) => n + g.items.length, 0);
    out.attention.note =
      count === 0 ? null : out.attention.note.replace(/^\d[\d.]*/, String(count));
  }
  if (edits.proposals !== null) out.proposals = { ...out.proposals, lines: [...edits.proposals] };
  return out;
}

function reorder<I extends EditableItem>(items: I[], order: readonly string[] | undefined): I[] {
  if (!order || order.length === 0) return items;
  const rank = new Map(order.map((k, i) => [k, i]));
  // Array.prototype.sort is stable: unlisted items keep their generated order after the listed.
  return [...items].sort(
    (a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || 0,
  );
}

/** Keys the edits name that the model no longer has (a rebuild dropped the story). */
export function staleEditKeys(model: EditableModel, edits: BulletinEdits): string[] {
  const present = new Set([
    ...model.highlights.items.map((i) => i.key),
    ...model.positive.items.map((i) => i.key),
    ...model.attention.groups.flatMap((g) => g.items.map((i) => i.key)),
  ]);
  const named = [
    ...edits.pinned,
    ...edits.dropped,
    ...Object.values(edits.order).flat(),
    ...Object.keys(edits.summaries),
    ...Object.keys(edits.handlings),
  ];
  return [...new Set(named.filter((k) => !present.has(k)))].sort();
}

/** One editor action, as the CLI and the web app issue them. */
export type EditOp =
  | { op: 'pin'; key: string }
  | { op: 'unpin'; key: string }
  | { op: 'drop'; key: string }
  | { op: 'restore'; key: string }
  | { op: 'order'; section: EditableSection; keys: string[] }
  | { op: 'summary'; key: string; text: string }
  | { op: 'handling'; key: string; text: string }
  | { op: 'proposals'; lines: string[] | null };

/** The edits after one more action. Pure; the result is validated like stored edits. */
export function addEdit(edits: BulletinEdits, e: EditOp): BulletinEdits {
  const without = (list: readonly string[], key: string): string[] => list.filter((k) => k !== key);
  const next: BulletinEdits = structuredClone(edits);
  switch (e.op) {
    case 'pin':
      next.pinned = [...without(next.pinned, e.key), e.key];
      next.dropped = without(next.dropped, e.key);
      break;
    case 'unpin':
      next.pinned = without(next.pinned, e.key);
      break;
    case 'drop':
      next.dropped = [...without(next.dropped, e.key), e.key];
      next.pinned = without(next.pinned, e.key);
      break;
    case 'restore':
      next.dropped = without(next.dropped, e.key);
      break;
    case 'order':
      next.order = { ...next.order, [e.section]: [...e.keys] };
      break;
    case 'summary':
      next.summaries = { ...next.summaries, [e.key]: e.text.trim().normalize('NFC') };
      break;
    case 'handling':
      next.handlings = { ...next.handlings, [e.key]: e.text.trim().normalize('NFC') };
      break;
    case 'proposals':
      next.proposals = e.lines === null ? null : e.lines.map((l) => l.trim().normalize('NFC'));
      break;
  }
  return BulletinEdits.parse(next);
}
