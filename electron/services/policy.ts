// policy.*: the policy versions this ledger holds (its own and those issued by other offices,
// which arrive in packages as `XQ.P0002`), the next version issued from an existing one, and a
// version withdrawn before it comes into force (docs/POLICY.md). A version is a record of the
// `policies` collection; the engine uses, for each month, the newest one in force.
import { LedgerError, fieldErrorsFromIssues, type FieldError } from '../../shared/contract/errors';
import type { PolicyIssuer, PolicyList, PolicyRow, PolicyWarning } from '../../shared/contract/policy';
import { evaluate } from '../../shared/engine';
import { latestScoreMonth } from '../../shared/engine/columns/scoreTable';
import type { LedgerState } from '../../shared/ledger/collections';
import { put, type LedgerEvent } from '../../shared/ledger/events';
import { nextSequentialId } from '../../shared/ledger/ids';
import { createEvents, revisionsOf, voidEvents } from '../../shared/ledger/revisions';
import { defaultPolicy, policyInForce, policyVersionSchema, sortPolicyVersions, type PolicyVersion } from '../../shared/policy';
import { policyChanges, policyMetaFields } from '../../shared/policy/diff';
import { ownerOfId } from '../../shared/sync/ids';
import { addMonthsToMonth } from '../../shared/views/dates';
import { areaOfficesOf, partitionLedger, policyTimelineOf, selfCodeOf } from '../../shared/views/officeScope';
import { identityOf, metaId, metaOf, officeName, type TrustRecord } from '../sync/office';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { stampOf } from './records';

type PolicyEndpoints = 'policy.list' | 'policy.get' | 'policy.issue' | 'policy.withdraw';

/**
 * At most this many scored months are re-evaluated (twice) for the "findings change" warning, the
 * latest: about 40 ms a month for a 300-cadre township, 20 times that at a New Area holding 20.
 */
const WARN_MONTHS = 6;

/**
 * The versions the engine uses for an office's cadres (default: this office's): its own and the
 * New Area's (policyTimelineOf); the built-in default when there are none. A ledger without an
 * office identity uses every version it holds.
 */
export function heldVersions(state: LedgerState, office?: string): { versions: PolicyVersion[]; builtIn: boolean } {
  const self = selfCodeOf(state);
  const stored = self ? policyTimelineOf(state, office ?? self) : sortPolicyVersions(state.policies.values());
  return stored.length ? { versions: stored, builtIn: false } : { versions: [defaultPolicy], builtIn: true };
}

/** The version in force in `month`, as the engine picks it (the first one before any has started). */
export function versionInForce(versions: PolicyVersion[], month: string): PolicyVersion {
  return policyInForce(versions, month) ?? sortPolicyVersions(versions)[0];
}

/** Who issued a version: the office named by its id's prefix, else this office. */
export function issuerOf(state: LedgerState, id: string): PolicyIssuer {
  const self = identityOf(state);
  const code = ownerOfId(id, self?.code ?? '');
  const own = code === (self?.code ?? '');
  return {
    code,
    name: own ? (self?.name ?? '') : officeName(state, code),
    own,
    anchor: !own && metaOf<TrustRecord>(state, metaId.trust(code))?.anchor === true,
  };
}

/** The built-in default, as held here or recorded by another office (`XQ.lanzhou-new-area.2000-01`). */
const isDefaultId = (id: string) => id === defaultPolicy.id || id.endsWith(`.${defaultPolicy.id}`);

const currentMonthOf = (ctx: ServiceContext) => todayOf(ctx.now()).slice(0, 7);

function rowOf(state: LedgerState, v: PolicyVersion, timeline: PolicyVersion[], inForceId: string, currentMonth: string): PolicyRow {
  // In force until the month before a later version with a later effectiveFrom; a version
  // followed by one with the same effectiveFrom (a higher label) is never in force.
  const i = timeline.findIndex((w) => w.id === v.id);
  const later = i < 0 ? [] : timeline.slice(i + 1);
  const next = later.find((w) => w.effectiveFrom > v.effectiveFrom);
  const shadowed = later.some((w) => w.effectiveFrom === v.effectiveFrom);
  const created = revisionsOf(state, 'policies', v.id).find((r) => r.action === 'create');
  return {
    id: v.id,
    policyId: v.policyId,
    version: v.version,
    label: v.label,
    effectiveFrom: v.effectiveFrom,
    note: v.note ?? '',
    basedOnId: v.basedOnId ?? null,
    issuer: issuerOf(state, v.id),
    builtIn: isDefaultId(v.id),
    applies: i >= 0,
    inForce: v.id === inForceId,
    pending: v.effectiveFrom > currentMonth,
    until: i < 0 ? null : shadowed ? addMonthsToMonth(v.effectiveFrom, -1) : next ? addMonthsToMonth(next.effectiveFrom, -1) : null,
    issuedBy: created?.by ?? null,
    issuedAt: created?.at ?? null,
  };
}

/** Every version held (oldest first), marked against the timeline of `office`'s cadres. */
function rowsOf(state: LedgerState, month: string, currentMonth: string, office?: string): { rows: PolicyRow[]; inForceId: string } {
  const { versions: timeline, builtIn } = heldVersions(state, office);
  const inForceId = versionInForce(timeline, month).id;
  const rows = builtIn ? [{ ...defaultRow(state), inForce: true }] : [];
  for (const v of sortPolicyVersions(state.policies.values())) rows.push(rowOf(state, v, timeline, inForceId, currentMonth));
  return { rows, inForceId };
}

function defaultRow(state: LedgerState): PolicyRow {
  return {
    id: defaultPolicy.id,
    policyId: defaultPolicy.policyId,
    version: defaultPolicy.version,
    label: defaultPolicy.label,
    effectiveFrom: defaultPolicy.effectiveFrom,
    note: defaultPolicy.note ?? '',
    basedOnId: null,
    issuer: issuerOf(state, defaultPolicy.id),
    builtIn: true,
    applies: true,
    inForce: false,
    pending: false,
    until: null,
    issuedBy: null,
    issuedAt: null,
  };
}

function withdrawnOf(state: LedgerState): PolicyList['withdrawn'] {
  const out: PolicyList['withdrawn'] = [];
  for (const r of state.revisions.values()) {
    if (r.collection !== 'policies' || r.action !== 'void' || state.policies.has(r.recordId)) continue;
    const before = (r.before ?? {}) as Partial<PolicyVersion>;
    out.push({
      id: r.recordId,
      version: String(before.version ?? ''),
      effectiveFrom: String(before.effectiveFrom ?? ''),
      reason: r.reason,
      by: r.by,
      at: r.at,
      revisionId: r.id,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const notFound = (id: string, path = 'id') =>
  new LedgerError('NOT_FOUND', { zh: `没有编号为“${id}”的规则版本`, en: `no policy version "${id}"` }, [
    { path, message: { zh: '没有这个版本', en: 'no such version' } },
  ]);

function versionById(state: LedgerState, id: string): PolicyVersion | undefined {
  return state.policies.get(id) ?? (id === defaultPolicy.id ? defaultPolicy : undefined);
}

/** Field errors of the whole document: naming fields stay top-level, thresholds are `document.…`. */
function documentErrors(issues: Parameters<typeof fieldErrorsFromIssues>[0], input: unknown): FieldError[] {
  const top = new Set<string>(policyMetaFields);
  return fieldErrorsFromIssues(issues, input).map((f) => {
    const head = f.path.split('.')[0];
    return top.has(head) ? f : { ...f, path: f.path ? `document.${f.path}` : 'document' };
  });
}

/**
 * Finding keys as of `month`, before and after adding `next`: each office's cadres under their own
 * timeline (partitionLedger: one partition at a township), `next` added where it applies (to this
 * office's cadres, and to every township's when this office is the New Area).
 */
function findingKeysBeforeAfter(state: LedgerState, month: string, next: PolicyVersion): { before: Set<string>; after: Set<string> } {
  const self = selfCodeOf(state);
  const area = areaOfficesOf(state);
  const before = new Set<string>();
  const after = new Set<string>();
  for (const [office, part] of partitionLedger(state)) {
    const held = part.policies.size ? sortPolicyVersions(part.policies.values()) : [defaultPolicy];
    const keys = evaluate(part, month, { policies: held }).map((f) => f.key);
    for (const k of keys) before.add(k);
    const applies = office === self || area.has(self);
    for (const k of applies ? evaluate(part, month, { policies: [...held, next] }).map((f) => f.key) : keys) after.add(k);
  }
  return { before, after };
}

/**
 * What the new version does to what the office has already worked on: the scored months from its
 * effectiveFrom (the latest WARN_MONTHS of them) whose findings come out differently, the confirmed
 * meetings whose decided findings change, and later versions that will replace it.
 */
function impactWarnings(state: LedgerState, held: PolicyVersion[], next: PolicyVersion): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  for (const later of held.filter((v) => v.effectiveFrom > next.effectiveFrom)) {
    warnings.push({
      kind: 'laterVersion',
      message: {
        zh: `已有版本“${later.version}”自 ${later.effectiveFrom} 起生效，届时将取代本版本。`,
        en: `Version "${later.version}" comes into force in ${later.effectiveFrom} and will then replace this one.`,
      },
      months: [later.effectiveFrom],
      meetingIds: [],
      added: 0,
      removed: 0,
    });
  }
  const latest = latestScoreMonth(state.scores);
  const cache = new Map<string, { before: Set<string>; after: Set<string> }>();
  const compare = (month: string) => {
    let c = cache.get(month);
    if (!c) cache.set(month, (c = findingKeysBeforeAfter(state, month, next)));
    return c;
  };
  if (latest && next.effectiveFrom <= latest) {
    const scored = new Set<string>();
    for (const s of state.scores.values()) if (s.month >= next.effectiveFrom) scored.add(s.month);
    const months = [...scored].sort().slice(-WARN_MONTHS);
    let added = 0;
    let removed = 0;
    const changed: string[] = [];
    for (const m of months) {
      const { before, after } = compare(m);
      const a = [...after].filter((k) => !before.has(k)).length;
      const r = [...before].filter((k) => !after.has(k)).length;
      if (a || r) changed.push(m);
      added += a;
      removed += r;
    }
    if (changed.length) {
      const span = changed.length === 1 ? changed[0] : `${changed[0]} — ${changed.at(-1)}`;
      warnings.push({
        kind: 'scoredMonths',
        message: {
          zh: `本版本改变了已评分月份（${span}，${changed.length} 个月）的提示：新增 ${added} 条，不再出现 ${removed} 条。`,
          en: `This version changes the findings of months already scored (${span}, ${changed.length} months): ${added} new, ${removed} no longer arising.`,
        },
        months: changed,
        meetingIds: [],
        added,
        removed,
      });
    }
  }
  for (const meeting of state.meetings.values()) {
    if (meeting.status !== 'confirmed' || meeting.asOf < next.effectiveFrom) continue;
    const decided = meeting.items.filter((i) => i.decision && i.findingKey);
    if (!decided.length) continue;
    const { before, after } = compare(meeting.asOf);
    const gone = decided.filter((i) => before.has(i.findingKey!) && !after.has(i.findingKey!));
    const appeared = [...after].filter((k) => !before.has(k)).length;
    if (!gone.length) continue;
    warnings.push({
      kind: 'confirmedMeeting',
      message: {
        zh: `已确认的会议“${meeting.title}”（${meeting.date}，${meeting.asOf}）决定的 ${gone.length} 项议题，其依据的提示在本版本下不再出现：${gone.map((i) => i.subjectName || i.title).join('、')}。会议决定不变，请知悉。`,
        en: `The confirmed meeting "${meeting.title}" (${meeting.date}, ${meeting.asOf}) decided ${gone.length} item(s) whose finding no longer arises under this version: ${gone.map((i) => i.subjectName || i.title).join(', ')}. The decisions stand.`,
      },
      months: [meeting.asOf],
      meetingIds: [meeting.id],
      added: appeared,
      removed: gone.length,
    });
  }
  return warnings;
}

export function policyHandlers(ctx: ServiceContext): HandlerGroup<PolicyEndpoints> {
  return {
    'policy.list': ({ month, office }) => {
      const state = ctx.store.state();
      const currentMonth = currentMonthOf(ctx);
      const at = month ?? latestScoreMonth(state.scores) ?? currentMonth;
      const { rows, inForceId } = rowsOf(state, at, currentMonth, office);
      return { month: at, currentMonth, office: office ?? selfCodeOf(state), inForceId, items: rows, withdrawn: withdrawnOf(state) };
    },

    'policy.get': ({ id }) => {
      const state = ctx.store.state();
      const document = versionById(state, id);
      if (!document) throw notFound(id);
      const currentMonth = currentMonthOf(ctx);
      const { rows } = rowsOf(state, latestScoreMonth(state.scores) ?? currentMonth, currentMonth);
      // The default, when versions are stored but it is not among them, is shown as the built-in one.
      const row = rows.find((r) => r.id === id) ?? {
        ...defaultRow(state),
        inForce: false,
      };
      const base = document.basedOnId ? versionById(state, document.basedOnId) : undefined;
      return { row, document, changes: base ? policyChanges(base, document) : [] };
    },

    'policy.issue': async (input, call) => {
      const state = ctx.store.state();
      const { versions: held, builtIn } = heldVersions(state);
      const base = versionById(state, input.basedOn);
      if (!base) throw notFound(input.basedOn, 'basedOn');

      const given = { ...input.document };
      for (const k of policyMetaFields) delete given[k];
      const candidate = {
        ...given,
        // Withdrawn versions keep their number (their history stays under it).
        id: nextSequentialId([...state.policies.keys(), ...[...state.revisions.values()].filter((r) => r.collection === 'policies').map((r) => r.recordId)], 'P', 4),
        policyId: base.policyId,
        version: input.version,
        label: input.label ?? base.label,
        effectiveFrom: input.effectiveFrom,
        note: input.note,
        basedOnId: base.id,
      };
      const parsed = policyVersionSchema.safeParse(candidate);
      if (!parsed.success) {
        throw new LedgerError('VALIDATION', { zh: '规则版本有误，请检查标出的项', en: 'Invalid policy version: check the marked fields' }, documentErrors(parsed.error.issues, candidate));
      }
      const next = parsed.data;

      const refuse = (code: 'VALIDATION' | 'CONFLICT', path: string, zh: string, en: string) =>
        new LedgerError(code, { zh, en }, [{ path, message: { zh, en } }]);
      const used = held.find((v) => v.version === next.version);
      if (used) {
        throw refuse('CONFLICT', 'version', `版本号“${next.version}”已被使用（${used.id}，自 ${used.effectiveFrom} 起）。请换一个版本号。`, `The version label "${next.version}" is already used (${used.id}, from ${used.effectiveFrom}). Choose another.`);
      }
      const current = versionInForce(held, currentMonthOf(ctx));
      if (next.effectiveFrom < current.effectiveFrom) {
        throw refuse(
          'VALIDATION',
          'effectiveFrom',
          `生效月份不能早于现行版本“${current.version}”的生效月份（${current.effectiveFrom}）。现行版本有误时，请发布自 ${current.effectiveFrom} 或以后生效的下一版本。`,
          `The version cannot come into force before the version in force, "${current.version}" (from ${current.effectiveFrom}). To put that version right, issue the next one from ${current.effectiveFrom} or later.`,
        );
      }
      const changes = policyChanges(base, next);
      if (!changes.length) {
        throw refuse('CONFLICT', 'document', '新版本与所依据的版本相同，没有可发布的变化。', 'The new version is the same as the one it is based on: nothing to issue.');
      }
      const warnings = impactWarnings(state, held, next);
      if (input.dryRun) return { issued: false, version: next, changes, warnings };

      // A ledger that held no version ran on the built-in default: it is recorded first, so that
      // the months before the new version keep it (the engine applies the first version held to
      // the months before any) — here and at every office the versions travel to.
      const events: LedgerEvent[] = builtIn ? [put('policies', defaultPolicy)] : [];
      events.push(...createEvents(state, 'policies', next, stampOf(ctx, call.user)));
      await ctx.store.commit(events, { user: call.user, command: 'policy.issue' });
      return { issued: true, version: next, changes, warnings };
    },

    'policy.withdraw': async ({ id, reason }, call) => {
      const state = ctx.store.state();
      const version = state.policies.get(id);
      if (!version) {
        if (id === defaultPolicy.id) {
          const m = { zh: '默认规则不能撤回', en: 'the default policy cannot be withdrawn' };
          throw new LedgerError('CONFLICT', m, [{ path: 'id', message: m }]);
        }
        throw notFound(id);
      }
      const conflict = (zh: string, en: string) => new LedgerError('CONFLICT', { zh, en }, [{ path: 'id', message: { zh, en } }]);
      const issuer = issuerOf(state, id);
      if (!issuer.own) {
        throw conflict(`版本“${version.version}”由${issuer.name}（${issuer.code}）发布，只能由该单位撤回。`, `Version "${version.version}" was issued by ${issuer.name} (${issuer.code}); only that office can withdraw it.`);
      }
      const currentMonth = currentMonthOf(ctx);
      if (version.effectiveFrom <= currentMonth) {
        throw conflict(
          `版本“${version.version}”自 ${version.effectiveFrom} 起已经生效，不能撤回；如需更正，请发布下一版本。`,
          `Version "${version.version}" has been in force since ${version.effectiveFrom} and cannot be withdrawn: issue the next version to put it right.`,
        );
      }
      const events = voidEvents(state, 'policies', id, reason, stampOf(ctx, call.user));
      await ctx.store.commit(events, { user: call.user, command: 'policy.withdraw' });
      const revision = (events[1] as { record: { id: string } }).record;
      return { id, revisionId: revision.id };
    },
  };
}
