import { beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { evaluate } from '../../shared/engine';
import { meetingSchema } from '../../shared/domain/meetings';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { defaultPolicy } from '../../shared/policy';
import { createDispatcher } from '../core/dispatcher';
import { MemoryStore } from '../store/memory';
import { createTestContext } from './context';
import { policyHandlers } from './policy';

// Six cadres of one peer group (n = 6, thirds of 2), scored 2024-01 … 2024-05; the clock says
// 2024-06-15. A and B are top third every month: five months, one short of the default's six for
// raise.top-third-streak. E and F are bottom third for five months.
const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
const names = ['A', 'B', 'C', 'D', 'E', 'F'];

let store: MemoryStore;
let raw: (name: string, input: unknown, roles?: string[]) => Promise<any>;
let call: <T = any>(name: string, input: unknown) => Promise<T>;

beforeEach(async () => {
  store = new MemoryStore();
  const ctx = createTestContext({ store });
  const d = createDispatcher(policyHandlers(ctx) as unknown as Handlers, {
    revision: () => store.revision,
    checkOutput: true,
    enforcePermissions: true,
    logError: (m) => {
      throw new Error(m);
    },
  });
  raw = (name, input, roles = ['reviewer']) => d.call(name, input, { user: 'reviewer.li', roles: roles as never });
  call = async (name, input) => {
    const r = await raw(name, input);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  const events: LedgerEvent[] = [put('units', { id: 'U1', name: '党政办' })];
  names.forEach((n, i) => {
    events.push(put('cadres', { id: n, name: `干部${n}`, unitId: 'U1', peerGroup: 'g', position: '', rankLevel: '', category: 'civilServant', leader: false }));
    for (const m of months) events.push(put('scores', { id: `${n}:${m}`, cadreId: n, month: m, score: 100 - i * 5 }));
  });
  await store.commit(events, { user: 'seed', command: 'seed' });
});

/** The default's document with some thresholds changed. */
const edited = (patch: (d: any) => void) => {
  const d = structuredClone(defaultPolicy) as any;
  patch(d);
  return d;
};
const shorterRaise = edited((d) => (d.streaks.raiseTopThirdMonths = 3));
const issueShorter = (extra: Record<string, unknown> = {}) =>
  raw('policy.issue', { basedOn: defaultPolicy.id, version: '2024.1', effectiveFrom: '2024-04', note: '党委会 2024-03-28 决定', document: shorterRaise, ...extra });

const raiseFindings = (month: string) => evaluate(store.state(), month).filter((f) => f.rule === 'raise.top-third-streak').map((f) => f.subject.id);

describe('policy.list and policy.get', () => {
  it('lists the built-in default, in force in the latest scored month, when the ledger holds no version', async () => {
    const list = await call('policy.list', {});
    expect(list).toMatchObject({ month: '2024-05', currentMonth: '2024-06', inForceId: defaultPolicy.id, withdrawn: [] });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: defaultPolicy.id, version: '1', builtIn: true, inForce: true, pending: false, until: null, issuer: { code: '', own: true, anchor: false } });
    const got = await call('policy.get', { id: defaultPolicy.id });
    expect(got.document.streaks.raiseTopThirdMonths).toBe(6);
    expect(got.changes).toEqual([]);
    expect(await raw('policy.get', { id: 'P0099' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('policy.issue', () => {
  it('answers the changes and warnings on a dry run without writing anything', async () => {
    const rev = store.revision;
    const r = await issueShorter({ dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ issued: false, version: { id: 'P0001', version: '2024.1', effectiveFrom: '2024-04', basedOnId: defaultPolicy.id } });
    expect(r.value.changes).toEqual([{ path: 'streaks.raiseTopThirdMonths', before: 6, after: 3 }]);
    // A's and B's streaks reach 3 in March but the version starts in April: April and May change.
    const scored = r.value.warnings.find((w: any) => w.kind === 'scoredMonths');
    expect(scored).toMatchObject({ months: ['2024-04', '2024-05'], added: 4, removed: 0 });
    expect(scored.message.zh).toContain('已评分月份');
    expect(store.revision).toBe(rev);
  });

  it('issues the next version with a sequential id, records the default before it, and the findings change from its month on', async () => {
    expect(raiseFindings('2024-04')).toEqual([]);
    const r = await issueShorter();
    expect(r.ok).toBe(true);
    expect(r.value.issued).toBe(true);
    const s = store.state();
    expect([...s.policies.keys()].sort()).toEqual(['P0001', defaultPolicy.id].sort());
    expect(s.policies.get('P0001')).toMatchObject({ note: '党委会 2024-03-28 决定', label: defaultPolicy.label, policyId: defaultPolicy.policyId });
    expect([...s.revisions.values()]).toMatchObject([{ collection: 'policies', recordId: 'P0001', action: 'create', by: 'reviewer.li' }]);
    expect(store.journal.at(-1)?.meta).toEqual({ user: 'reviewer.li', command: 'policy.issue' });

    expect(raiseFindings('2024-03')).toEqual([]);
    expect(raiseFindings('2024-04')).toEqual(['A', 'B']);
    expect(raiseFindings('2024-05')).toEqual(['A', 'B']);

    const list = await call('policy.list', {});
    expect(list.inForceId).toBe('P0001');
    expect(list.items.map((i: any) => [i.id, i.inForce, i.builtIn, i.until])).toEqual([
      [defaultPolicy.id, false, true, '2024-03'],
      ['P0001', true, false, null],
    ]);
    expect(list.items[1]).toMatchObject({ issuedBy: 'reviewer.li', basedOnId: defaultPolicy.id, pending: false });
    expect((await call('policy.list', { month: '2024-03' })).inForceId).toBe(defaultPolicy.id);
    const got = await call('policy.get', { id: 'P0001' });
    expect(got.changes).toEqual([{ path: 'streaks.raiseTopThirdMonths', before: 6, after: 3 }]);

    // The next one is P0002, based on the version in force.
    const next = await raw('policy.issue', { basedOn: 'P0001', version: '2024.2', effectiveFrom: '2024-07', note: '第二次调整', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(next.value.version).toMatchObject({ id: 'P0002', basedOnId: 'P0001' });
    expect(next.value.changes).toEqual([{ path: 'streaks.raiseTopThirdMonths', before: 3, after: 4 }]);
  });

  it('refuses a used version label, a month before the version in force, an unchanged document and an unknown base', async () => {
    await issueShorter();
    const label = await issueShorter({ effectiveFrom: '2024-06', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(label).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'version' }] } });
    expect(label.error.message.zh).toContain('2024.1');
    const defaultLabel = await issueShorter({ version: '1', effectiveFrom: '2024-06', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(defaultLabel).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'version' }] } });

    const early = await raw('policy.issue', { basedOn: 'P0001', version: '2024.2', effectiveFrom: '2024-03', note: '补发', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'effectiveFrom' }] } });
    expect(early.error.message.zh).toContain('不能早于现行版本');
    expect(early.error.message.en).toContain('issue the next one');
    // The same month as the version in force is the way to put it right.
    const same = await raw('policy.issue', { basedOn: 'P0001', version: '2024.2', effectiveFrom: '2024-04', note: '更正', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(same.ok).toBe(true);
    expect((await call('policy.list', {})).inForceId).toBe('P0002');

    const unchanged = await raw('policy.issue', { basedOn: 'P0002', version: '2024.3', effectiveFrom: '2024-07', note: '无变化', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(unchanged).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'document' }] } });
    const unknown = await raw('policy.issue', { basedOn: 'P0404', version: '2024.3', effectiveFrom: '2024-07', note: 'x', document: shorterRaise });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: [{ path: 'basedOn' }] } });
  });

  it('checks the whole document strictly, with field paths a form can mark', async () => {
    const bad = await issueShorter({
      document: edited((d) => {
        d.streaks.raiseTopThirdMonths = 0;
        d.streaks.raiseTopThirdMonthz = 3;
        d.promotion.topThirdMonths = 13;
      }),
    });
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('VALIDATION');
    const paths = bad.error.fields.map((f: any) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['document.streaks.raiseTopThirdMonths', 'document.promotion.topThirdMonths']));
    expect(paths.some((p: string) => p.startsWith('document.streaks'))).toBe(true);
    expect(bad.error.fields.find((f: any) => f.path === 'document.streaks.raiseTopThirdMonths').message.zh).toBeTruthy();
    const missing = await issueShorter({ document: edited((d) => delete d.ladder) });
    expect(missing.error.fields.map((f: any) => f.path)).toContain('document.ladder');
    expect(store.state().policies.size).toBe(0);
  });

  it('warns when a confirmed meeting decided a finding the new version no longer gives', async () => {
    // F is bottom third three months running by March: warn.bottom-third-streak as of 2024-05.
    const warned = evaluate(store.state(), '2024-05').find((f) => f.rule === 'warn.bottom-third-streak' && f.subject.id === 'F')!;
    expect(warned).toBeDefined();
    await store.commit(
      [
        put('meetings', meetingSchema.parse({
          id: 'MT0001', type: 'cadreWork', title: '五月干部工作会议', date: '2024-06-05', asOf: '2024-05', status: 'confirmed',
          items: [{ id: 'I01', group: 'talks', subject: { type: 'cadre', id: 'F' }, subjectName: '干部F', title: '关于对干部F提醒谈话的议题', proposedKind: 'reminderTalk', findingKey: warned.key, rule: warned.rule, decision: { value: 'approved' } }],
        })),
      ],
      { user: 'seed', command: 'seed' },
    );
    const r = await raw('policy.issue', { basedOn: defaultPolicy.id, version: '2024.1', effectiveFrom: '2024-05', note: '放宽预警', document: edited((d) => (d.streaks.warnBottomThirdMonths = 6)), dryRun: true });
    const meeting = r.value.warnings.find((w: any) => w.kind === 'confirmedMeeting');
    expect(meeting).toMatchObject({ meetingIds: ['MT0001'], months: ['2024-05'], removed: 1 });
    expect(meeting.message.zh).toContain('五月干部工作会议');
    expect(meeting.message.zh).toContain('干部F');
  });

  it('is the reviewer’s: a clerk or the administrator is refused', async () => {
    for (const role of ['clerk', 'admin']) {
      expect(await raw('policy.issue', { basedOn: defaultPolicy.id, version: '2024.1', effectiveFrom: '2024-04', note: 'x', document: shorterRaise }, [role])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await raw('policy.list', {}, ['clerk'])).ok).toBe(true);
  });
});

describe('policy.withdraw', () => {
  it('withdraws a version not yet in force with its reason, keeping it in the history; its label may be used again', async () => {
    await issueShorter();
    const pending = await raw('policy.issue', { basedOn: 'P0001', version: '2024.2', effectiveFrom: '2024-09', note: '九月起', document: edited((d) => (d.streaks.raiseTopThirdMonths = 2)) });
    expect(pending.ok).toBe(true);
    expect((await call('policy.list', {})).items.find((i: any) => i.id === 'P0002')).toMatchObject({ pending: true, inForce: false });

    const w = await call('policy.withdraw', { id: 'P0002', reason: '数值录入错误' });
    expect(w.id).toBe('P0002');
    expect(store.state().policies.has('P0002')).toBe(false);
    const list = await call('policy.list', {});
    expect(list.items.map((i: any) => i.id)).not.toContain('P0002');
    expect(list.withdrawn).toMatchObject([{ id: 'P0002', version: '2024.2', effectiveFrom: '2024-09', reason: '数值录入错误', by: 'reviewer.li' }]);
    const history = [...store.state().revisions.values()].filter((r) => r.recordId === 'P0002').map((r) => r.action);
    expect(history).toEqual(['create', 'void']);

    const again = await raw('policy.issue', { basedOn: 'P0001', version: '2024.2', effectiveFrom: '2024-09', note: '九月起（更正）', document: edited((d) => (d.streaks.raiseTopThirdMonths = 4)) });
    expect(again.ok).toBe(true);
    // P0002 stays in the history: the new one is P0003.
    expect(again.value.version.id).toBe('P0003');
  });

  it('refuses a version in force (issue the next one instead) and the default', async () => {
    await issueShorter();
    const inForce = await raw('policy.withdraw', { id: 'P0001', reason: '错误' });
    expect(inForce).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'id' }] } });
    expect(inForce.error.message.zh).toContain('请发布下一版本');
    expect(await raw('policy.withdraw', { id: defaultPolicy.id, reason: '错误' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await raw('policy.withdraw', { id: 'P0404', reason: '错误' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
