// units.* and cadres.*: the registry every other feature hangs off. Inputs arrive parsed by the
// dispatcher; here go the checks a schema cannot make (unique ids and names, references) and the
// derived fields (a unit's cadre count, a cadre's status today).
import { nextSequentialId } from '../../shared/ledger/ids';
import type { CallContext } from '../../shared/contract';
import { LedgerError } from '../../shared/contract/errors';
import type { CadreRow, UnitRow } from '../../shared/contract/registry';
import { nameKey } from '../../shared/domain/primitives';
import type { Cadre, Measure, Unit } from '../../shared/domain/records';
import { annulledIds, cadreStatus } from '../../shared/domain/status';
import type { LedgerState } from '../../shared/ledger/collections';
import { put } from '../../shared/ledger/events';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import { ownerOf, selfCodeOf } from '../../shared/views/officeScope';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';

type RegistryEndpoints =
  | 'units.list'
  | 'units.create'
  | 'units.update'
  | 'cadres.list'
  | 'cadres.get'
  | 'cadres.create'
  | 'cadres.update';

const notFound = (what: { zh: string; en: string }, id: string) =>
  new LedgerError('NOT_FOUND', { zh: `${what.zh}“${id}”不存在`, en: `${what.en} "${id}" not found` }, [
    { path: 'id', message: { zh: `${what.zh}不存在`, en: `no such ${what.en}` } },
  ]);
const unitWords = { zh: '单位', en: 'unit' };
const cadreWords = { zh: '干部', en: 'cadre' };

function duplicateId(what: { zh: string; en: string }, id: string) {
  return new LedgerError('CONFLICT', { zh: `${what.zh}编号“${id}”已被使用`, en: `${what.en} id "${id}" is already in use` }, [
    { path: 'id', message: { zh: '编号已被使用', en: 'id already in use' } },
  ]);
}

function checkUnitName(state: LedgerState, unit: Unit) {
  for (const other of state.units.values()) {
    if (other.id !== unit.id && nameKey(other.name) === nameKey(unit.name)) {
      throw new LedgerError(
        'CONFLICT',
        { zh: `已有同名单位“${unit.name}”（${other.id}）`, en: `a unit named "${unit.name}" already exists (${other.id})` },
        [{ path: 'name', message: { zh: '已有同名单位', en: 'a unit with this name exists' } }],
      );
    }
  }
}

function checkCadreReferences(state: LedgerState, cadre: Cadre) {
  const fields = checkReferences('cadres', cadre, lookupIn(state));
  if (cadre.appointedOn && cadre.trialEndsOn && cadre.trialEndsOn < cadre.appointedOn) {
    fields.push({
      path: 'trialEndsOn',
      message: { zh: '试用期满不能早于任职时间', en: 'trial end cannot be before the appointment date' },
    });
  }
  if (fields.length) {
    throw new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);
  }
}

/** Each cadre with its status on `today`; measures grouped once so 50,000 cadres stay fast. */
export function cadreRows(state: LedgerState, today: string, only?: Cadre[]): CadreRow[] {
  const annulled = annulledIds(state.clearances.values());
  const measuresByCadre = new Map<string, Measure[]>();
  for (const m of state.measures.values()) {
    if (m.subjectType !== 'cadre') continue;
    const list = measuresByCadre.get(m.subjectId);
    if (list) list.push(m);
    else measuresByCadre.set(m.subjectId, [m]);
  }
  const cadres = only ?? [...state.cadres.values()];
  const self = selfCodeOf(state);
  return cadres.map((c) => ({
    ...c,
    status: cadreStatus(measuresByCadre.get(c.id) ?? [], annulled, today),
    office: ownerOf(state, 'cadres', c.id, self),
  }));
}

export function registryHandlers(ctx: ServiceContext): HandlerGroup<RegistryEndpoints> {
  const state = () => ctx.store.state();
  const meta = (call: CallContext, command: RegistryEndpoints) => ({ user: call.user, command });

  return {
    'units.list': () => {
      const counts = new Map<string, number>();
      for (const c of state().cadres.values()) counts.set(c.unitId, (counts.get(c.unitId) ?? 0) + 1);
      const rows: UnitRow[] = [];
      const self = selfCodeOf(state());
      for (const u of state().units.values()) rows.push({ ...u, cadreCount: counts.get(u.id) ?? 0, office: ownerOf(state(), 'units', u.id, self) });
      return rows;
    },
    'units.create': async (input, call) => {
      const s = state();
      const unit: Unit = { ...input, id: input.id ?? nextSequentialId(s.units.keys(), 'U', 4) };
      if (s.units.has(unit.id)) throw duplicateId(unitWords, unit.id);
      checkUnitName(s, unit);
      await ctx.store.commit([put('units', unit)], meta(call, 'units.create'));
      return unit;
    },
    'units.update': async (unit, call) => {
      const s = state();
      if (!s.units.has(unit.id)) throw notFound(unitWords, unit.id);
      checkUnitName(s, unit);
      await ctx.store.commit([put('units', unit)], meta(call, 'units.update'));
      return unit;
    },
    'cadres.list': () => cadreRows(state(), todayOf(ctx.now())),
    'cadres.get': ({ id }) => {
      const cadre = state().cadres.get(id);
      if (!cadre) throw notFound(cadreWords, id);
      return cadreRows(state(), todayOf(ctx.now()), [cadre])[0];
    },
    'cadres.create': async (input, call) => {
      const s = state();
      const cadre: Cadre = { ...input, id: input.id ?? nextSequentialId(s.cadres.keys(), 'C', 5) };
      if (s.cadres.has(cadre.id)) throw duplicateId(cadreWords, cadre.id);
      checkCadreReferences(s, cadre);
      await ctx.store.commit([put('cadres', cadre)], meta(call, 'cadres.create'));
      return cadre;
    },
    'cadres.update': async (cadre, call) => {
      const s = state();
      if (!s.cadres.has(cadre.id)) throw notFound(cadreWords, cadre.id);
      checkCadreReferences(s, cadre);
      await ctx.store.commit([put('cadres', cadre)], meta(call, 'cadres.update'));
      return cadre;
    },
  };
}
