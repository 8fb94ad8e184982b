// The workflow against the store: read a bulletin with its edits applied, and perform an action
// (the pure transition, then one compare-and-set save with its event). The CLI and the web app
// call these; neither touches the bulletin tables directly.
import type { DigestModel } from '../digest/model.ts';
import type { BulletinRecord, Store, StoredDigest } from '../store/index.ts';
import { addEdit, applyEdits, staleEditKeys, type EditOp, type EditableModel } from './edits.ts';
import {
  transition,
  WorkflowError,
  type Actor,
  type WorkflowAction,
  type WorkflowSettings,
} from './workflow.ts';

export interface LoadedBulletin {
  digest: StoredDigest;
  record: BulletinRecord;
  /** The generated model with the editor's edits applied: what is rendered and sent. */
  model: DigestModel;
  /** Edit targets the current model no longer has. */
  staleKeys: string[];
}

function isEditableModel(m: unknown): m is EditableModel {
  const o = m as Partial<Record<string, unknown>> | null;
  const items = (x: unknown): boolean =>
    typeof x === 'object' && x !== null && Array.isArray((x as { items?: unknown }).items);
  return (
    typeof o === 'object' &&
    o !== null &&
    items(o.highlights) &&
    items(o.positive) &&
    typeof o.attention === 'object' &&
    o.attention !== null &&
    Array.isArray((o.attention as { groups?: unknown }).groups) &&
    typeof o.proposals === 'object' &&
    o.proposals !== null &&
    Array.isArray((o.proposals as { lines?: unknown }).lines)
  );
}

/** The stored model of a digest, checked to have the sections the editor works on. */
export function storedModel(digest: StoredDigest): DigestModel {
  if (!isEditableModel(digest.model)) {
    throw new Error(
      `bulletin: digest ${digest.id} has no editable model (built by an old version?)`,
    );
  }
  // The digest builder wrote this model; the check above covers what the workflow relies on.
  return digest.model as unknown as DigestModel;
}

export function loadBulletin(store: Store, digestId: number): LoadedBulletin {
  const digest = store.getDigest(digestId);
  if (!digest) throw new WorkflowError('illegal-transition', `bulletin: no digest ${digestId}`);
  const record = store.bulletins().get(digestId);
  if (!record) {
    throw new WorkflowError(
      'illegal-transition',
      `bulletin: digest ${digestId} has no bulletin record`,
    );
  }
  const generated = storedModel(digest);
  return {
    digest,
    record,
    model: applyEdits(generated, record.edits),
    staleKeys: staleEditKeys(generated, record.edits),
  };
}

/**
 * Records that the digest was (re)built: creates the draft, or logs the rebuild of a draft or a
 * bulletin in review (edits are kept: they live apart from the model).
 */
export function recordBuild(
  store: Store,
  digestId: number,
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
): BulletinRecord {
  const existing = store.bulletins().get(digestId);
  if (!existing) {
    const t = transition(null, { type: 'create' }, actor, settings, at);
    return store.bulletins().save({
      digestId,
      expectedVersion: null,
      state: t.state,
      edits: { pinned: [], dropped: [], order: {}, summaries: {}, handlings: {}, proposals: null },
      event: t.event,
    });
  }
  return act(store, digestId, { type: 'rebuild' }, actor, settings, at);
}

/** Refuses before any work when a rebuild would not be allowed (sent, or signed). */
export function checkRebuild(
  store: Store,
  digestId: number | null,
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
): void {
  if (digestId === null) return;
  const existing = store.bulletins().get(digestId);
  if (existing) transition(existing, { type: 'rebuild' }, actor, settings, at);
}

/** One workflow action (not send: see send-job.ts), saved with its event. */
export function act(
  store: Store,
  digestId: number,
  action: Exclude<WorkflowAction, { type: 'send' } | { type: 'create' }>,
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
): BulletinRecord {
  const record = store.bulletins().get(digestId);
  if (!record) {
    throw new WorkflowError(
      'illegal-transition',
      `bulletin: digest ${digestId} has no bulletin record`,
    );
  }
  const t = transition(record, action, actor, settings, at);
  return store.bulletins().save({
    digestId,
    expectedVersion: record.version,
    state: t.state,
    edits: record.edits,
    event: t.event,
  });
}

/** The editor's actions, applied to the stored edits and saved as one `edit` transition. */
export function editBulletin(
  store: Store,
  digestId: number,
  ops: readonly EditOp[],
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
): { record: BulletinRecord; staleKeys: string[] } {
  const { digest, record } = loadBulletin(store, digestId);
  const t = transition(record, { type: 'edit' }, actor, settings, at);
  const edits = ops.reduce(addEdit, record.edits);
  const generated = storedModel(digest);
  // An edit naming an item the bulletin does not have is a typo, not a wish for later.
  const unknown = staleEditKeys(generated, edits).filter(
    (k) => !staleEditKeys(generated, record.edits).includes(k),
  );
  if (unknown.length > 0) {
    throw new WorkflowError(
      'illegal-transition',
      `bulletin: no item with key ${unknown.join(', ')} in bulletin ${digestId} (see \`diemtin digest show ${digestId}\`)`,
    );
  }
  const note = ops.map((o) => o.op).join(', ');
  const saved = store.bulletins().save({
    digestId,
    expectedVersion: record.version,
    state: t.state,
    edits,
    event: { ...t.event, note },
  });
  return { record: saved, staleKeys: staleEditKeys(generated, edits) };
}
