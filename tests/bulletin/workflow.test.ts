// The bulletin workflow: the pure state machine (who may do what, in which state, levels in
// order) and the same rules through the store (events, immutability, edits kept on rebuild).
import { describe, expect, it } from 'vitest';
import {
  addEdit,
  applyEdits,
  NO_EDITS,
  staleEditKeys,
  type BulletinEdits,
} from '../../src/bulletin/edits.ts';
import {
  act,
  checkRebuild,
  editBulletin,
  loadBulletin,
  recordBuild,
} from '../../src/bulletin/service.ts';
import { sendBulletin } from '../../src/bulletin/send-job.ts';
import {
  SYSTEM_ACTOR,
  WorkflowError,
  resolveUser,
  transition,
  type WorkflowState,
} from '../../src/bulletin/workflow.ts';
import type { SmtpSender } from '../../src/delivery/smtp-sender.ts';
import { articles, fixtureModel } from '../digest/fixture.ts';
import { AT, approvedBulletin, draftBulletin, tempStore, testConfig, testRender } from './setup.ts';

const app = testConfig();
const user = (id: string) => resolveUser(app.users, id);
const settings = app.workflow;

function code(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof WorkflowError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

describe('workflow state machine', () => {
  const draft: WorkflowState = { status: 'draft', approvals: [] };
  const review: WorkflowState = { status: 'in_review', approvals: [] };

  it('goes draft → in_review → approved (two levels, in order) → sent, recording who and when', () => {
    const a = transition(draft, { type: 'edit' }, user('bientap'), settings, AT);
    expect(a.state.status).toBe('in_review');
    expect(a.event).toEqual({
      action: 'edit',
      userId: 'bientap',
      at: AT,
      from: 'draft',
      to: 'in_review',
      level: null,
      note: null,
    });
    const b = transition(a.state, { type: 'approve' }, user('truongphong'), settings, AT);
    expect(b.state).toMatchObject({
      status: 'in_review',
      approvals: [{ level: 1, userId: 'truongphong' }],
    });
    expect(b.event.level).toBe(1);
    const c = transition(b.state, { type: 'approve' }, user('giamdoc'), settings, AT);
    expect(c.state.status).toBe('approved');
    expect(c.state.approvals.map((x) => [x.level, x.title, x.userId])).toEqual([
      [1, 'Trưởng phòng Thông tin – Báo chí', 'truongphong'],
      [2, 'Lãnh đạo Sở', 'giamdoc'],
    ]);
    const d = transition(c.state, { type: 'send' }, user('bientap'), settings, AT);
    expect(d.state.status).toBe('sent');
    expect(d.event).toMatchObject({ from: 'approved', to: 'sent' });
  });

  it('refuses illegal transitions with clear errors', () => {
    expect(
      code(() => transition(draft, { type: 'approve' }, user('truongphong'), settings, AT)),
    ).toBe(
      'illegal-transition: workflow: cannot approve a bulletin that is draft (allowed from: in_review)',
    );
    expect(code(() => transition(review, { type: 'send' }, user('bientap'), settings, AT))).toMatch(
      /^illegal-transition: workflow: cannot send a bulletin that is in_review/,
    );
    expect(
      code(() => transition(review, { type: 'submit' }, user('bientap'), settings, AT)),
    ).toMatch(/^illegal-transition/);
    expect(code(() => transition(null, { type: 'edit' }, user('bientap'), settings, AT))).toMatch(
      /no bulletin to edit/,
    );
    expect(code(() => transition(draft, { type: 'create' }, SYSTEM_ACTOR, settings, AT))).toMatch(
      /already exists/,
    );
  });

  it('checks roles: editors edit, approvers approve, the scheduler only builds', () => {
    expect(code(() => transition(review, { type: 'approve' }, user('bientap'), settings, AT))).toBe(
      'forbidden: workflow: bientap may not approve a bulletin (needs the approver role)',
    );
    expect(code(() => transition(draft, { type: 'edit' }, user('giamdoc'), settings, AT))).toMatch(
      /^forbidden: workflow: giamdoc may not edit/,
    );
    expect(code(() => transition(draft, { type: 'edit' }, SYSTEM_ACTOR, settings, AT))).toMatch(
      /^forbidden/,
    );
    expect(transition(draft, { type: 'rebuild' }, SYSTEM_ACTOR, settings, AT).state.status).toBe(
      'draft',
    );
    expect(code(() => resolveUser(app.users, 'ai-do'))).toBe(
      'unknown-user: workflow: unknown user "ai-do" (users: bientap, truongphong, giamdoc)',
    );
    expect(code(() => resolveUser(app.users, undefined))).toMatch(/--as USER/);
  });

  it('signs levels in order, each by a user holding that level', () => {
    expect(
      code(() => transition(review, { type: 'approve' }, user('giamdoc'), settings, AT)),
    ).toMatch(/^forbidden: workflow: giamdoc may not sign level 1/);
    expect(
      code(() => transition(review, { type: 'approve', level: 2 }, user('giamdoc'), settings, AT)),
    ).toMatch(/^out-of-order: workflow: level 2 \(Lãnh đạo Sở\) signs after level 1/);
    const one = transition(review, { type: 'approve' }, user('truongphong'), settings, AT).state;
    expect(
      code(() => transition(one, { type: 'approve', level: 1 }, user('truongphong'), settings, AT)),
    ).toMatch(/level 1 is already signed/);
    expect(
      code(() => transition(one, { type: 'approve' }, user('truongphong'), settings, AT)),
    ).toMatch(/truongphong may not sign level 2/);
    expect(
      code(() => transition(one, { type: 'approve', level: 3 }, user('giamdoc'), settings, AT)),
    ).toMatch(/no approval level 3/);
  });

  it('changes signed content only after an explicit reopen, which clears the signatures', () => {
    const one = transition(review, { type: 'approve' }, user('truongphong'), settings, AT).state;
    expect(code(() => transition(one, { type: 'edit' }, user('bientap'), settings, AT))).toMatch(
      /^signed: workflow: the bulletin is signed by truongphong \(level 1\); reopen it/,
    );
    expect(code(() => transition(one, { type: 'rebuild' }, SYSTEM_ACTOR, settings, AT))).toMatch(
      /^signed/,
    );
    const reopened = transition(
      one,
      { type: 'reopen', reason: 'sửa tít' },
      user('bientap'),
      settings,
      AT,
    );
    expect(reopened.state).toEqual({ status: 'in_review', approvals: [] });
    expect(reopened.event.note).toBe('sửa tít; signatures cleared: truongphong (level 1)');
  });

  it('makes a sent bulletin immutable', () => {
    const sent: WorkflowState = { status: 'sent', approvals: [] };
    for (const type of ['edit', 'rebuild', 'reopen', 'send', 'approve'] as const) {
      const actor = type === 'approve' ? user('truongphong') : user('bientap');
      expect(code(() => transition(sent, { type }, actor, settings, AT))).toMatch(
        /^immutable: .*sent and is immutable/,
      );
    }
  });
});

describe('edits', () => {
  const model = fixtureModel();
  const keysOf = (items: { key: string }[]) => items.map((i) => i.key);

  it('pins, drops, reorders and rewrites without touching the input model', () => {
    let e: BulletinEdits = NO_EDITS;
    e = addEdit(e, { op: 'pin', key: 'article:a7' });
    e = addEdit(e, { op: 'drop', key: 'article:a5' });
    e = addEdit(e, { op: 'order', section: 'highlights', keys: ['st-festival'] });
    e = addEdit(e, {
      op: 'summary',
      key: 'st-invest',
      text: '  Tóm tắt do biên tập viên viết lại.  ',
    });
    e = addEdit(e, { op: 'handling', key: 'st-rumour', text: 'Đề nghị Công an tỉnh xác minh.' });
    e = addEdit(e, { op: 'proposals', lines: ['Đề xuất của biên tập viên.'] });
    const before = JSON.stringify(model);
    const out = applyEdits(model, e);
    expect(JSON.stringify(model)).toBe(before);
    // Ordered first, then the pinned item, then the rest in generated order; a5 dropped.
    expect(keysOf(out.highlights.items)).toEqual([
      'st-festival',
      'article:a7',
      'st-rumour',
      'st-invest',
      'article:a6',
    ]);
    expect(out.positive.items).toEqual([]);
    expect(out.attention.groups.map((g) => keysOf(g.items))).toEqual([
      ['st-rumour'],
      ['article:a6'],
    ]);
    expect(out.attention.note).toBe(
      '2 nội dung phản ánh, tiêu cực hoặc nhạy cảm, xếp theo chủ đề.',
    );
    expect(out.highlights.items.find((i) => i.key === 'st-invest')?.summary).toBe(
      'Tóm tắt do biên tập viên viết lại.',
    );
    expect(out.attention.groups[0]!.items[0]!.handling).toBe('Đề nghị Công an tỉnh xác minh.');
    expect(out.proposals.lines).toEqual(['Đề xuất của biên tập viên.']);
    expect(staleEditKeys(model, e)).toEqual([]);
    expect(staleEditKeys(model, addEdit(e, { op: 'drop', key: 'gone' }))).toEqual(['gone']);
  });
});

describe('workflow through the store', () => {
  it('records every transition with who and when, and refuses a stale version', () => {
    const { store } = tempStore();
    const id = approvedBulletin(store, app);
    const events = store.bulletins().events(id);
    expect(events.map((e) => [e.action, e.userId, e.from, e.to, e.level])).toEqual([
      ['create', 'system', null, 'draft', null],
      ['submit', 'bientap', 'draft', 'in_review', null],
      ['approve', 'truongphong', 'in_review', 'in_review', 1],
      ['approve', 'giamdoc', 'in_review', 'approved', 2],
    ]);
    expect(events.every((e) => e.at === AT)).toBe(true);
    const rec = store.bulletins().get(id)!;
    expect(() =>
      store.bulletins().save({
        digestId: id,
        expectedVersion: rec.version - 1,
        state: { status: 'in_review', approvals: [] },
        edits: rec.edits,
        event: {
          action: 'reopen',
          userId: 'bientap',
          at: AT,
          from: 'approved',
          to: 'in_review',
          level: null,
          note: null,
        },
      }),
    ).toThrow(/changed meanwhile/);
    store.close();
  });

  it('keeps the editor’s edits when the draft is rebuilt', () => {
    const { store } = tempStore();
    const id = draftBulletin(store, app);
    editBulletin(
      store,
      id,
      [
        { op: 'drop', key: 'article:a6' },
        { op: 'summary', key: 'st-invest', text: 'Tóm tắt mới.' },
      ],
      user('bientap'),
      settings,
      AT,
    );
    expect(() =>
      editBulletin(store, id, [{ op: 'pin', key: 'khong-co' }], user('bientap'), settings, AT),
    ).toThrow(/no item with key khong-co/);

    // Rebuild: new articles arrived (here: one fewer), the digest is replaced in place.
    const digest = store.getDigest(id)!;
    checkRebuild(store, id, SYSTEM_ACTOR, settings, AT);
    const smaller = fixtureModel({ articles: articles.filter((a) => a.id !== 'a7') });
    store.replaceDigest(id, { ...digest, createdAt: new Date(), model: smaller });
    const rec = recordBuild(store, id, SYSTEM_ACTOR, settings, AT);
    expect(rec.status).toBe('in_review');
    const loaded = loadBulletin(store, id);
    const keys = loaded.model.highlights.items.map((i) => i.key);
    expect(keys).not.toContain('article:a6');
    expect(loaded.model.highlights.items.find((i) => i.key === 'st-invest')?.summary).toBe(
      'Tóm tắt mới.',
    );
    expect(loaded.record.edits.dropped).toEqual(['article:a6']);
    expect(
      store
        .bulletins()
        .events(id)
        .map((e) => e.action),
    ).toEqual(['create', 'edit', 'rebuild']);
    store.close();
  });

  it('freezes a sent bulletin and its digest, even against direct store calls', async () => {
    const { store, dir } = tempStore();
    const id = approvedBulletin(store, app);
    const offline: SmtpSender = {
      open: () => Promise.reject(new Error('offline')),
      send: () => Promise.reject(new Error('offline')),
      close: () => {},
    };
    // Unapproved users and states are refused before anything is rendered.
    const send = (actor: string) =>
      sendBulletin({
        store,
        app,
        dataDir: dir,
        digestId: id,
        actor: user(actor),
        render: testRender,
        sender: offline,
      });
    await expect(send('giamdoc').then(() => 'sent')).resolves.toBe('sent');
    expect(store.bulletins().get(id)!.status).toBe('sent');
    expect(code(() => act(store, id, { type: 'reopen' }, user('bientap'), settings, AT))).toMatch(
      /^immutable/,
    );
    expect(
      code(() =>
        editBulletin(store, id, [{ op: 'drop', key: 'st-invest' }], user('bientap'), settings, AT),
      ),
    ).toMatch(/^immutable/);
    expect(code(() => checkRebuild(store, id, SYSTEM_ACTOR, settings, AT))).toMatch(/^immutable/);
    const digest = store.getDigest(id)!;
    expect(() => store.replaceDigest(id, { ...digest, createdAt: new Date(), html: 'x' })).toThrow(
      /digest of a sent bulletin is immutable/,
    );
    expect(() => store.deleteDigest(id)).toThrow(/cannot be deleted/);
    const rec = store.bulletins().get(id)!;
    expect(() =>
      store.bulletins().save({
        digestId: id,
        expectedVersion: rec.version,
        state: { status: 'approved', approvals: [] },
        edits: rec.edits,
        event: {
          action: 'reopen',
          userId: 'x',
          at: AT,
          from: 'sent',
          to: 'approved',
          level: null,
          note: null,
        },
      }),
    ).toThrow(/sent bulletin is immutable/);
    store.close();
  });

  it('refuses to send what is not approved, or by a user without the role', async () => {
    const { store, dir } = tempStore();
    const id = draftBulletin(store, app);
    const send = (actor: string) =>
      sendBulletin({
        store,
        app,
        dataDir: dir,
        digestId: id,
        actor: user(actor),
        render: testRender,
      });
    await expect(send('bientap')).rejects.toThrow(/cannot send a bulletin that is draft/);
    store.close();
  });
});
