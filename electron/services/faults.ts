// faults.* and clearances.notice: a fault with the three distinctions and their evidence, its
// tolerance procedure step by step, the list the tracker shows, and the clearance notice (.docx).
// The procedure and the deduction are pure (shared/views/faults.ts); here: clock, user, commit.
import { LedgerError } from '../../shared/contract/errors';
import { faultRecordSchema } from '../../shared/domain/records';
import { put } from '../../shared/ledger/events';
import { nextSequentialId } from '../../shared/ledger/ids';
import { checkReferences, lookupIn } from '../../shared/ledger/references';
import { createEvents } from '../../shared/ledger/revisions';
import { clearanceNoticeModel, ClearanceNotFound } from '../../shared/views/clearance';
import { referenceDate } from '../../shared/views/dates';
import { awaitingStep, FaultInputError, faultRows, withStep } from '../../shared/views/faults';
import { renderClearanceNotice } from '../documents/clearanceNotice';
import { todayOf, type HandlerGroup, type ServiceContext } from './context';
import { duplicateError, findDuplicate, stampOf } from './records';

type FaultEndpoints = 'faults.record' | 'faults.step' | 'faults.list' | 'clearances.notice';

export function faultsHandlers(ctx: ServiceContext): HandlerGroup<FaultEndpoints> {
  return {
    'faults.record': async ({ confirmDuplicate, id, ...input }, call) => {
      const state = ctx.store.state();
      const fault = faultRecordSchema.parse({ ...input, id: id ?? nextSequentialId(state.faults.keys(), 'F', 6), tolerated: false });
      const fields = checkReferences('faults', fault, lookupIn(state));
      if (id && state.faults.has(id)) fields.push({ path: 'id', message: { zh: `编号“${id}”已被使用`, en: `id "${id}" is already in use` } });
      if (fields.length) throw new LedgerError('VALIDATION', { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the marked fields' }, fields);
      if (!confirmDuplicate) {
        const dup = findDuplicate(state, 'faults', fault);
        if (dup) throw duplicateError(dup.id, dup.field);
      }
      await ctx.store.commit(createEvents(state, 'faults', fault, stampOf(ctx, call.user)), { user: call.user, command: 'faults.record' });
      return fault;
    },

    'faults.step': async ({ faultId, step, on, by, note, decision }, call) => {
      const state = ctx.store.state();
      const fault = state.faults.get(faultId);
      if (!fault) {
        throw new LedgerError('NOT_FOUND', { zh: `过错记录“${faultId}”不存在`, en: `unknown fault "${faultId}"` }, [
          { path: 'faultId', message: { zh: '记录不存在', en: 'no such record' } },
        ]);
      }
      const cleared = [...state.clearances.values()].find((c) => c.recordId === faultId);
      if (cleared) {
        const message = { zh: `该过错记录已${cleared.kind === 'revocation' ? '撤销' : '澄清'}，无需继续容错程序`, en: `this fault is ${cleared.kind === 'revocation' ? 'revoked' : 'cleared'}: the procedure is moot` };
        throw new LedgerError('CONFLICT', message, [{ path: 'faultId', message }]);
      }
      let after;
      try {
        after = faultRecordSchema.parse(withStep(fault, { step, on, by: by ?? call.user, note, decision }));
      } catch (e) {
        if (!(e instanceof FaultInputError)) throw e;
        throw new LedgerError(e.code, e.bilingual, [{ path: e.field, message: e.bilingual }]);
      }
      await ctx.store.commit([put('faults', after)], { user: call.user, command: 'faults.step' });
      return { fault: after, awaiting: awaitingStep(after) };
    },

    'faults.list': ({ asOf, cadreId, unitId, awaitingOnly }) => {
      const refDate = referenceDate(asOf);
      return { asOf, referenceDate: refDate, items: faultRows(ctx.store.state(), { refDate, cadreId, unitId, awaitingOnly }) };
    },

    'clearances.notice': async ({ clearanceId }) => {
      let model;
      try {
        model = clearanceNoticeModel(ctx.store.state(), clearanceId, todayOf(ctx.now()));
      } catch (e) {
        if (!(e instanceof ClearanceNotFound)) throw e;
        throw new LedgerError('NOT_FOUND', { zh: `澄清记录“${clearanceId}”不存在`, en: `unknown clearance "${clearanceId}"` }, [
          { path: 'clearanceId', message: { zh: '记录不存在', en: 'no such record' } },
        ]);
      }
      const buffer = await renderClearanceNotice(model);
      return { fileName: model.fileName, base64: Buffer.from(buffer).toString('base64') };
    },
  };
}
