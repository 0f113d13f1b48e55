// Visual check of the Word documents (not part of `npm test`): renders every document from the demo
// township to out/documents/*.docx, converts each to PDF with LibreOffice and to PNG with pdftoppm,
// so that a person can look at the pages. Run: `npx tsx scripts/render-documents.ts [--no-convert]`.
//
// The meeting is the one an officer would hold for 2026-11: the docket proposed from that month's
// findings (a few items per group), every item decided, the decisions confirmed into the ledger.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appointmentFormsForMeeting } from '../shared/documents/appointmentForm';
import { docketModel } from '../shared/documents/docket';
import { minutesModel } from '../shared/documents/minutes';
import { noticeKindOf, noticeModel, noticesForMeeting } from '../shared/documents/notices';
import { periodReportModel } from '../shared/documents/periodReport';
import { generateTownship, townshipState } from '../shared/demo/township';
import { meetingSchema, type Meeting } from '../shared/domain/meetings';
import { evaluate } from '../shared/engine';
import type { LedgerState } from '../shared/ledger/collections';
import { meetingStatistics } from '../shared/reports/meeting';
import { clearanceNoticeModel } from '../shared/views/clearance';
import { caseFileSummary, confirmationEffects, proposeDocket } from '../shared/views/docket';
import { engineForViews } from '../shared/views/engineBinding';
import { listFindings } from '../shared/views/findings';
import { renderAppointmentForms } from '../electron/documents/appointmentForm';
import { renderClearanceNotice } from '../electron/documents/clearanceNotice';
import { renderDocket } from '../electron/documents/docket';
import { renderMinutes } from '../electron/documents/minutes';
import { renderNotice } from '../electron/documents/notices';
import { renderPeriodReport } from '../electron/documents/periodReport';

const asOf = '2026-11';
const today = '2026-12-01';
const issuer = '中共城关镇委员会';
const outDir = join(process.cwd(), 'out', 'documents');

function demoDocket(state: LedgerState): Meeting {
  const findings = listFindings(state, engineForViews, { asOf, today });
  const proposed = proposeDocket(asOf, findings.items, true).items;
  // Two items per group keep the documents readable; the docket builder would offer them all.
  const perGroup = new Map<string, number>();
  const picked = proposed.filter((p) => {
    const n = perGroup.get(p.group) ?? 0;
    perGroup.set(p.group, n + 1);
    return n < 2;
  });
  const items = picked.map((p, i) => {
    const id = `I${String(i + 1).padStart(2, '0')}`;
    const value = i === 1 ? 'deferred' : i === 3 ? 'rejected' : i === 4 ? 'approvedAmended' : 'approved';
    return {
      ...p,
      id,
      attachCaseFile: i < 2,
      decision: { value, votes: { for: 5, against: value === 'rejected' ? 3 : 0, abstain: 1 }, note: value === 'approvedAmended' ? '会议要求限期整改' : '' },
    };
  });
  items.push({
    id: `I${String(items.length + 1).padStart(2, '0')}`,
    group: 'free',
    freeKind: 'inspectionTargets',
    subject: null,
    subjectName: '',
    title: '关于确定2027年度科级干部考察对象的议题',
    proposedKind: null,
    proposal: '提请会议研究确定考察对象名单',
    basis: '根据年度干部选拔任用工作计划',
    evidenceIds: [],
    attachCaseFile: false,
    decision: { value: 'approved', note: '', votes: { for: 6, against: 0, abstain: 0 } },
  } as never);
  const draft = meetingSchema.parse({
    id: 'MT001',
    type: 'partyWorkCommittee',
    title: '2026年11月党工委会议',
    date: '2026-11-30',
    place: '镇政府三楼会议室',
    chair: '陈建国',
    recorder: '刘晓梅',
    attendees: ['陈建国', '周立新', '吴海燕', '孙志强', '郑红', '王丽'],
    asOf,
    items,
  });
  return draft;
}

/** Confirms the meeting into the ledger as meetings.confirm does: measures, dismissals, releases. */
function confirm(state: LedgerState, draft: Meeting): Meeting {
  const effects = confirmationEffects(state, draft);
  for (const m of effects.measures) state.measures.set(m.id, m);
  for (const d of effects.dismissals) state.dismissals.set(d.id, d);
  for (const s of effects.releases) state.sanctions.set(s.id, s);
  const meeting = { ...draft, items: effects.items, status: 'confirmed' as const, confirmedAt: '2026-11-30T11:00:00Z', confirmedBy: '刘晓梅' };
  state.meetings.set(meeting.id, meeting);
  return meeting;
}

async function main() {
  const convert = !process.argv.includes('--no-convert');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const state = townshipState(generateTownship({ cadres: 300, endMonth: asOf, months: 24, seed: 1 })) as LedgerState;

  // The docket is printed before the meeting: from the ledger as it was then.
  const draft = demoDocket(state);
  const files: Array<[string, Buffer]> = [];
  const caseFiles = new Map(
    draft.items
      .filter((i) => i.attachCaseFile && i.subject?.type === 'cadre')
      .map((i) => [i.id, caseFileSummary(state, engineForViews, i.subject!.id, asOf, today)!] as const)
      .filter(([, s]) => s),
  );
  files.push(['01-会议议题.docx', await renderDocket(docketModel({ meeting: draft, state, caseFiles, issuer }))]);
  const meeting = confirm(state, draft);
  files.push(['02-会议纪要.docx', await renderMinutes(minutesModel({ meeting, state, issuer }))]);
  files.push(['03-干部任免审批表.docx', await renderAppointmentForms(appointmentFormsForMeeting({ meeting, state, today }))]);

  // One notice of each kind: from the meeting where it decided one, else from a measure in the ledger.
  // Every template: a warning and a probation share one, so both are shown.
  const notices = noticesForMeeting({ meeting, state, issuer, today });
  const kindOfNotice = (n: { kind: string; recordId: string }) => (n.kind === 'sanctionRelease' ? n.kind : (state.measures.get(n.recordId)?.kind ?? n.kind));
  const kinds = new Set(notices.map(kindOfNotice));
  for (const m of state.measures.values()) {
    const kind = m.subjectType === 'cadre' ? noticeKindOf(m.kind) : undefined;
    if (kind && !kinds.has(m.kind)) {
      kinds.add(m.kind);
      notices.push(noticeModel({ state, measureId: m.id, issuer, today }));
    }
  }
  if (!kinds.has('sanctionRelease')) {
    const s = [...state.sanctions.values()].find((x) => x.releasedOn);
    if (s) notices.push(noticeModel({ state, sanctionId: s.id, issuer, today }));
  }
  let n = 4;
  for (const notice of notices) files.push([`${String(n++).padStart(2, '0')}-${kindOfNotice(notice)}.docx`, await renderNotice(notice)]);

  const statistics = meetingStatistics(state, '2025-01', asOf, { findingsAsOf: (month) => evaluate(state, month) });
  files.push([`${String(n++).padStart(2, '0')}-情况报告.docx`, await renderPeriodReport(periodReportModel({ statistics, issuer, today }))]);

  const clearance = [...state.clearances.values()].find((c) => c.kind === 'clearance');
  if (clearance) {
    const model = clearanceNoticeModel(state, clearance.id, today);
    files.push([`${String(n++).padStart(2, '0')}-澄清正名通知书.docx`, await renderClearanceNotice(model, { issuer })]);
  }

  for (const [name, buffer] of files) writeFileSync(join(outDir, name), buffer);
  console.log(`wrote ${files.length} documents to ${outDir}`);
  if (!convert) return;
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files.map(([name]) => join(outDir, name))], { stdio: 'inherit' });
  for (const pdf of readdirSync(outDir).filter((f) => f.endsWith('.pdf'))) {
    execFileSync('pdftoppm', ['-png', '-r', '60', join(outDir, pdf), join(outDir, pdf.replace(/\.pdf$/, ''))]);
  }
  console.log(readdirSync(outDir).filter((f) => f.endsWith('.png')).join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
