// A small ledger and a confirmed meeting with an item in every docket group, for the document
// models' and renderers' tests.
import { meetingSchema, type Meeting } from '../domain/meetings';
import { LedgerBuilder } from '../views/testing';

export function documentsLedger() {
  const b = new LedgerBuilder()
    .unit('U1', '城关镇党政办')
    .unit('U2', '城关镇财政所')
    .cadre('C1', { name: '张三', position: '主任', rankLevel: '一级主任科员', appointedOn: '2022-03-01' })
    .cadre('C2', { name: '李四', unitId: 'U2', position: '所长', rankLevel: '二级主任科员' })
    .cadre('C3', { name: '王五', position: '副主任' })
    .cadre('C4', { name: '赵六', unitId: 'U2', position: '副所长' })
    .add('grades', { id: 'C1:2023', cadreId: 'C1', year: 2023, grade: 'competent' })
    .add('grades', { id: 'C1:2024', cadreId: 'C1', year: 2024, grade: 'excellent' })
    .add('grades', { id: 'C1:2025', cadreId: 'C1', year: 2025, grade: 'excellent' })
    .add('grades', { id: 'C1:2022', cadreId: 'C1', year: 2022, grade: 'basic' })
    .measure('M1', { kind: 'commendation', startsOn: '2025-03-01', documentNo: '城党发〔2025〕3号' })
    .measure('M2', { subjectId: 'C2', kind: 'reminderTalk', startsOn: '2026-11-30', meetingId: 'MT001', meetingItemId: 'I03' })
    .measure('M3', { subjectId: 'C3', kind: 'admonishment', startsOn: '2026-11-30', meetingId: 'MT001', meetingItemId: 'I04' })
    .measure('M4', { subjectId: 'C4', kind: 'probation', startsOn: '2026-11-30', endsOn: '2027-05-29', meetingId: 'MT001', meetingItemId: 'I05' })
    .measure('M5', { subjectId: 'C2', kind: 'inquiry', startsOn: '2026-11-30', note: '群众反映有关问题' })
    .measure('M6', { subjectId: 'C4', kind: 'transitionalPlacement', startsOn: '2026-11-30', endsOn: '2027-05-29', reviewOn: '2027-05-30' })
    .measure('M7', { subjectId: 'C3', kind: 'warning', startsOn: '2026-10-01' })
    .sanction('S1', { cadreId: 'C3', kind: 'admin.warning', decidedOn: '2026-04-10', reason: '工作失职', documentNo: '城纪发〔2026〕2号' })
    .sanction('S2', { cadreId: 'C1', kind: 'party.warning', decidedOn: '2024-01-05', reason: '不实举报' })
    .clear('S2', '2024-06-01', 'C1');
  return b.state;
}

const item = (fields: Record<string, unknown>) => ({ subjectName: '', proposedKind: null, proposal: '', basis: '', evidenceIds: [], attachCaseFile: false, ...fields });

export function documentsMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return meetingSchema.parse({
    id: 'MT001',
    type: 'partyWorkCommittee',
    title: '2026年11月党工委会议',
    date: '2026-11-30',
    place: '镇政府三楼会议室',
    chair: '陈书记',
    recorder: '刘干事',
    attendees: ['陈书记', '周镇长', '吴委员'],
    asOf: '2026-11',
    status: 'confirmed',
    confirmedAt: '2026-11-30T10:00:00Z',
    confirmedBy: '刘干事',
    items: [
      item({ id: 'I01', group: 'rewards', subject: { type: 'cadre', id: 'C1' }, subjectName: '张三', title: '关于给予张三嘉奖的议题', proposedKind: 'commendation', proposal: '拟给予张三嘉奖', basis: '张三2024、2025年度考核连续优秀', evidenceIds: ['C1:2024', 'C1:2025'], attachCaseFile: true, decision: { value: 'approved', votes: { for: 3, against: 0, abstain: 0 }, note: '', measureId: 'M1' } }),
      item({ id: 'I02', group: 'promotion', subject: { type: 'cadre', id: 'C1' }, subjectName: '张三', title: '关于张三同志提拔任职的议题', proposedKind: 'promotion', proposal: '拟任城关镇党政办主任（正科级）', basis: '连续六个月排名前三分之一，近三年考核优秀', evidenceIds: [], decision: { value: 'deferred', note: '待考察后再议' } }),
      item({ id: 'I03', group: 'talks', subject: { type: 'cadre', id: 'C2' }, title: '关于对李四进行提醒谈话的议题', proposedKind: 'reminderTalk', proposal: '拟对李四进行提醒谈话', basis: '李四连续三个月排名后三分之一', evidenceIds: ['C2:2026-09', 'C2:2026-10', 'C2:2026-11'], decision: { value: 'approved', note: '', measureId: 'M2' } }),
      item({ id: 'I04', group: 'talks', subject: { type: 'cadre', id: 'C3' }, title: '关于对王五进行诫勉的议题', proposedKind: 'admonishment', proposal: '拟对王五进行诫勉', basis: '王五年度考核基本称职', decision: { value: 'approvedAmended', note: '诫勉并责令书面检查', measureId: 'M3' } }),
      item({ id: 'I05', group: 'warnings', subject: { type: 'cadre', id: 'C4' }, title: '关于对赵六实行观察期管理的议题', proposedKind: 'probation', proposal: '拟对赵六实行为期六个月的观察期', basis: '赵六警示后仍连续排名后三分之一', decision: { value: 'approved', note: '', measureId: 'M4' } }),
      item({ id: 'I06', group: 'adjustments', subject: { type: 'cadre', id: 'C4' }, title: '关于赵六同志调整岗位的议题', proposedKind: 'positionAdjustment', proposal: '拟调整为城关镇财政所科员', basis: '观察期满仍无改进', decision: { value: 'rejected', note: '', dismissalId: 'D1' } }),
      item({ id: 'I07', group: 'releases', subject: { type: 'cadre', id: 'C3' }, title: '关于解除王五政务警告处分的议题', proposal: '拟解除王五政务警告处分', basis: '处分影响期已满', decision: { value: 'approved', note: '', sanctionId: 'S1' } }),
      item({ id: 'I08', group: 'free', freeKind: 'motion', subject: null, subjectName: '', title: '关于确定年度考察对象的动议', proposal: '提请会议研究', decision: { value: 'approved', note: '' } }),
    ],
    corrections: [{ at: '2026-12-01T09:00:00Z', by: '刘干事', itemId: 'I03', text: '谈话时间改为12月3日' }],
    ...overrides,
  });
}
