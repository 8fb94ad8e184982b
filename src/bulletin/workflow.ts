// The bulletin's life: draft (generated) → in_review (the editor works on it) → approved
// (every configured level signed, in order) → sent (immutable). A pure state machine: the
// store persists what it returns, the CLI and the web app only choose the action and the actor.
//
// One rule keeps signatures honest: content changes (edit, rebuild) only while nobody has
// signed. Changing a signed bulletin takes an explicit `reopen`, which clears the signatures
// and is recorded like every other transition.
import { DateTime } from 'luxon';
import type { BulletinUser } from '../config/app.ts';

export const BULLETIN_STATUSES = ['draft', 'in_review', 'approved', 'sent'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

export const STATUS_LABELS: Record<BulletinStatus, string> = {
  draft: 'Bản nháp',
  in_review: 'Đang biên tập',
  approved: 'Đã duyệt',
  sent: 'Đã phát hành',
};

export type WorkflowAction =
  | { type: 'create' }
  | { type: 'rebuild' }
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'approve'; level?: number }
  | { type: 'reopen'; reason?: string }
  | { type: 'send' };
export type WorkflowActionType = WorkflowAction['type'];

export interface Approval {
  level: number;
  title: string;
  userId: string;
  /** ISO 8601 with offset. */
  at: string;
}

export interface WorkflowState {
  status: BulletinStatus;
  /** Signatures so far, in level order. */
  approvals: Approval[];
}

export interface WorkflowEvent {
  action: WorkflowActionType;
  userId: string;
  at: string;
  from: BulletinStatus | null;
  to: BulletinStatus;
  level: number | null;
  note: string | null;
}

/** The `at` of events: ISO 8601 in the deployment's zone, to the second. */
export function eventTime(at: Date, timeZone: string): string {
  return (
    DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ??
    at.toISOString()
  );
}

export interface WorkflowSettings {
  approvals: readonly { level: number; title: string }[];
}

/** Who acts: a configured user, or the scheduler (which may only generate drafts). */
export type Actor = Pick<BulletinUser, 'id' | 'name' | 'roles' | 'levels'>;
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Hệ thống', roles: [] };

export type WorkflowErrorCode =
  | 'illegal-transition'
  | 'forbidden'
  | 'out-of-order'
  | 'immutable'
  | 'signed'
  | 'unknown-user'
  | 'bad-config';

/** A refused action; its message is meant for the user (the CLI prints it as is). */
export class WorkflowError extends Error {
  override name = 'WorkflowError';
  readonly code: WorkflowErrorCode;
  constructor(code: WorkflowErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The configured user `id`; the error lists who exists, since a typo is the usual cause. */
export function resolveUser(users: readonly BulletinUser[], id: string | undefined): BulletinUser {
  if (id === undefined || id === '') {
    throw new WorkflowError(
      'unknown-user',
      'workflow: name the acting user with --as USER (or DIEMTIN_USER)',
    );
  }
  const user = users.find((u) => u.id === id);
  if (!user) {
    const known = users.map((u) => u.id).join(', ') || 'none configured';
    throw new WorkflowError('unknown-user', `workflow: unknown user "${id}" (users: ${known})`);
  }
  return user;
}

/** Levels must be distinct; checked once before any action. */
export function checkWorkflowSettings(w: WorkflowSettings): void {
  const levels = w.approvals.map((a) => a.level);
  if (levels.length === 0 || new Set(levels).size !== levels.length) {
    throw new WorkflowError(
      'bad-config',
      `workflow: approval levels must be distinct and at least one, got [${levels.join(', ')}]`,
    );
  }
}

const ALLOWED: Record<WorkflowActionType, readonly BulletinStatus[]> = {
  create: [],
  rebuild: ['draft', 'in_review'],
  edit: ['draft', 'in_review'],
  submit: ['draft'],
  approve: ['in_review'],
  reopen: ['in_review', 'approved'],
  send: ['approved'],
};

const ROLES: Record<WorkflowActionType, readonly ('editor' | 'approver' | 'system')[]> = {
  create: ['system', 'editor'],
  rebuild: ['system', 'editor'],
  edit: ['editor'],
  submit: ['editor'],
  approve: ['approver'],
  reopen: ['editor', 'approver'],
  send: ['editor', 'approver'],
};

const ACTION_VERBS: Record<WorkflowActionType, string> = {
  create: 'create',
  rebuild: 'rebuild',
  edit: 'edit',
  submit: 'submit for review',
  approve: 'approve',
  reopen: 'reopen',
  send: 'send',
};

/**
 * The state after `action` by `actor` at `at`, and the event recording it. `state` is null
 * only for `create`. Throws WorkflowError for anything the workflow does not allow.
 */
export function transition(
  state: WorkflowState | null,
  action: WorkflowAction,
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
): { state: WorkflowState; event: WorkflowEvent } {
  const verb = ACTION_VERBS[action.type];
  const may = ROLES[action.type];
  const isSystem = actor.id === SYSTEM_ACTOR.id;
  if (!(isSystem ? may.includes('system') : actor.roles.some((r) => may.includes(r)))) {
    const need = may.filter((r) => r !== 'system').join(' or ');
    throw new WorkflowError(
      'forbidden',
      `workflow: ${actor.id} may not ${verb} a bulletin (needs the ${need} role)`,
    );
  }
  const event = (to: BulletinStatus, extra: Partial<WorkflowEvent> = {}): WorkflowEvent => ({
    action: action.type,
    userId: actor.id,
    at,
    from: state?.status ?? null,
    to,
    level: null,
    note: null,
    ...extra,
  });

  if (action.type === 'create') {
    if (state !== null) {
      throw new WorkflowError('illegal-transition', 'workflow: the bulletin already exists');
    }
    return { state: { status: 'draft', approvals: [] }, event: event('draft') };
  }
  if (state === null) {
    throw new WorkflowError('illegal-transition', `workflow: no bulletin to ${verb}`);
  }
  if (state.status === 'sent') {
    throw new WorkflowError(
      'immutable',
      `workflow: the bulletin was sent and is immutable; cannot ${verb} it`,
    );
  }
  // Signed content first: "reopen it" is the useful answer, whatever the status.
  if ((action.type === 'edit' || action.type === 'rebuild') && state.approvals.length > 0) {
    const who = state.approvals.map((a) => `${a.userId} (level ${a.level})`).join(', ');
    throw new WorkflowError(
      'signed',
      `workflow: the bulletin is signed by ${who}; reopen it before you ${verb} it`,
    );
  }

  if (!ALLOWED[action.type].includes(state.status)) {
    throw new WorkflowError(
      'illegal-transition',
      `workflow: cannot ${verb} a bulletin that is ${state.status} ` +
        `(allowed from: ${ALLOWED[action.type].join(', ')})`,
    );
  }
  switch (action.type) {
    case 'rebuild':
      return { state: { ...state }, event: event(state.status) };
    case 'edit':
    case 'submit':
      return { state: { status: 'in_review', approvals: [] }, event: event('in_review') };
    case 'reopen': {
      const cleared = state.approvals.map((a) => `${a.userId} (level ${a.level})`).join(', ');
      const note = [action.reason, cleared ? `signatures cleared: ${cleared}` : null]
        .filter((s): s is string => !!s)
        .join('; ');
      return {
        state: { status: 'in_review', approvals: [] },
        event: event('in_review', { note: note || null }),
      };
    }
    case 'approve':
      return approve(state, action.level, actor, settings, at, event);
    case 'send':
      return { state: { ...state, status: 'sent' }, event: event('sent') };
  }
}

function approve(
  state: WorkflowState,
  requested: number | undefined,
  actor: Actor,
  settings: WorkflowSettings,
  at: string,
  event: (to: BulletinStatus, extra?: Partial<WorkflowEvent>) => WorkflowEvent,
): { state: WorkflowState; event: WorkflowEvent } {
  checkWorkflowSettings(settings);
  const levels = [...settings.approvals].sort((a, b) => a.level - b.level);
  const signed = new Set(state.approvals.map((a) => a.level));
  const next = levels.find((l) => !signed.has(l.level));
  if (!next) {
    // Unreachable while status and approvals agree; kept as a guard for hand-edited rows.
    throw new WorkflowError('illegal-transition', 'workflow: every level is already signed');
  }
  const level = requested ?? next.level;
  if (signed.has(level)) {
    throw new WorkflowError('out-of-order', `workflow: level ${level} is already signed`);
  }
  const wanted = levels.find((l) => l.level === level);
  if (!wanted) {
    throw new WorkflowError(
      'out-of-order',
      `workflow: no approval level ${level} (levels: ${levels.map((l) => l.level).join(', ')})`,
    );
  }
  if (level !== next.level) {
    throw new WorkflowError(
      'out-of-order',
      `workflow: level ${level} (${wanted.title}) signs after level ${next.level} (${next.title}), which is not signed yet`,
    );
  }
  if (actor.levels !== undefined && !actor.levels.includes(level)) {
    throw new WorkflowError(
      'forbidden',
      `workflow: ${actor.id} may not sign level ${level} (${wanted.title}); their levels: ${actor.levels.join(', ') || 'none'}`,
    );
  }
  const approvals = [...state.approvals, { level, title: wanted.title, userId: actor.id, at }];
  const done = approvals.length === levels.length;
  const status: BulletinStatus = done ? 'approved' : 'in_review';
  return { state: { status, approvals }, event: event(status, { level }) };
}
