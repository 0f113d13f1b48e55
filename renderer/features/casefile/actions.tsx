// The dialogs behind the case file's record actions: release (解除) of a sanction from its finding,
// name clearing (澄清正名) or revocation (撤销) of a sanction, fault or measure, the fault record
// (登记容错纠错) and one step of its procedure. Each writes through its own endpoint; what the
// write means (the finding gone, the effects lifted) comes back in the next casefile.get.
import { Alert, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../../shared/contract/findings';
import { faultDecisions, type FaultStep } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { DateField } from '../../app/DateField';
import { pick } from '../../i18n';
import { useSession } from '../session/store';
import { RecordModal, useRequired } from './forms';
import { ClearanceFields, FaultFields, distinctions } from './recordFields';

type Values = Record<string, unknown>;
const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : undefined);
const trim = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

// ---- release (解除) -------------------------------------------------------------------------------

/** The release of a sanction, pre-filled from its `sanction.release-due` finding. */
export function ReleaseModal({ finding, onClose }: { finding: FindingRow; onClose(): void }) {
  const { t, i18n } = useTranslation('casefile');
  const required = useRequired();
  // Recorded today (the day the office issues the release notice); the officer may change it.
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  const params = finding.suggestion.params as { sanctionId?: string; periodEndedOn?: string };
  const sanctionId = params.sanctionId ?? finding.evidence.recordIds[0];
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('release.title', { name: finding.subjectName })}
      formId={`release:${finding.key}`}
      fieldNames={['releasedOn', 'documentNo', 'sanctionId']}
      initialValues={{ releasedOn: dayjs(today) }}
      testId="release-form"
      okText={t('release.save')}
      submit={async (v) => {
        await api.sanctions.release({ sanctionId, releasedOn: day(v.releasedOn) ?? '', documentNo: trim(v.documentNo), findingKey: finding.key });
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={pick(finding.explanation, i18n.language)} />
      {params.periodEndedOn && (
        <Form.Item label={t('release.periodEnded')}>
          <Input value={params.periodEndedOn} disabled />
        </Form.Item>
      )}
      <Form.Item name="releasedOn" label={t('field.releasedOn')} rules={required(t('field.releasedOn'))}>
        <DateField style={{ width: '100%' }} data-testid="release-date" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('field.releaseDocumentNo')} rules={required(t('field.releaseDocumentNo'), { text: true })}>
        <Input maxLength={100} data-testid="release-document" />
      </Form.Item>
    </RecordModal>
  );
}

// ---- name clearing (澄清正名) ------------------------------------------------------------------------

export function ClearanceModal({ cadreId, recordId, label, onClose }: { cadreId: string; recordId: string; label: string; onClose(): void }) {
  const { t } = useTranslation('casefile');
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('clear.title', { record: label })}
      formId={`clear:${recordId}`}
      fieldNames={['kind', 'verifiedBy', 'verifiedOn', 'scope', 'date', 'documentNo', 'note', 'recordId']}
      initialValues={{ kind: 'clearance', date: dayjs(today), verifiedOn: dayjs(today) }}
      testId="clear-form"
      okText={t('clear.save')}
      confirmsDuplicates
      submit={async (v, options) => {
        const kind = v.kind === 'revocation' ? 'revocation' : 'clearance';
        await api.records.put({
          collection: 'clearances',
          record: {
            cadreId,
            recordId,
            kind,
            date: day(v.date),
            verifiedBy: trim(v.verifiedBy) || undefined,
            verifiedOn: day(v.verifiedOn),
            scope: trim(v.scope) || undefined,
            documentNo: trim(v.documentNo) || undefined,
            note: trim(v.note),
          } as never,
          ...options,
        });
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('clear.hint')} />
      <ClearanceFields withKind />
    </RecordModal>
  );
}

// ---- fault (容错纠错) --------------------------------------------------------------------------------

export function FaultModal({ cadreId, onClose }: { cadreId: string; onClose(): void }) {
  const { t } = useTranslation('casefile');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('fault.registerTitle')}
      formId={`casefile:${cadreId}:fault`}
      fieldNames={['date', 'description', ...distinctions.flatMap((d) => [d.flag, d.evidence])]}
      initialValues={{}}
      testId="fault-form"
      confirmsDuplicates
      submit={async (v, options) => {
        await api.faults.record({
          cadreId,
          date: day(v.date) ?? '',
          description: trim(v.description),
          intentional: v.intentional as boolean,
          intentionalEvidence: trim(v.intentionalEvidence),
          personalInterest: v.personalInterest as boolean,
          personalInterestEvidence: trim(v.personalInterestEvidence),
          violation: v.violation as boolean,
          violationEvidence: trim(v.violationEvidence),
          ...options,
        });
      }}
    >
      <FaultFields evidenceRequired />
    </RecordModal>
  );
}

/** One step of the tolerance procedure: who and when; the decision step also its verdict. */
export function FaultStepModal({ faultId, step, minDate, onClose }: { faultId: string; step: FaultStep; minDate?: string; onClose(): void }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const session = useSession((s) => s.info);
  const today = session?.today ?? dayjs().format('YYYY-MM-DD');
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('fault.stepTitle', { step: t(`fault.step.${step}`) })}
      formId={`fault-step:${faultId}:${step}`}
      fieldNames={['on', 'by', 'note', 'decision']}
      initialValues={{ on: dayjs(minDate && minDate > today ? minDate : today), by: session?.user ?? '' }}
      testId="fault-step-form"
      okText={t('fault.stepSave')}
      submit={async (v: Values) => {
        await api.faults.step({
          faultId,
          step,
          on: day(v.on) ?? '',
          by: trim(v.by) || undefined,
          note: trim(v.note),
          ...(step === 'decision' ? { decision: v.decision as (typeof faultDecisions)[number] } : {}),
        });
      }}
    >
      {step === 'decision' && (
        <Form.Item name="decision" label={t('fault.decisionLabel')} rules={required(t('fault.decisionLabel'))}>
          <Radio.Group data-testid="fault-decision">
            {faultDecisions.map((d) => (
              <Radio.Button key={d} value={d} data-testid={`fault-decision-${d}`}>
                {t(`fault.decision.${d}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item name="on" label={t('fault.stepOn')} rules={required(t('fault.stepOn'))}>
        <DateField style={{ width: '100%' }} data-testid="fault-step-on" />
      </Form.Item>
      <Form.Item name="by" label={t('fault.stepBy')} rules={required(t('fault.stepBy'), { text: true })}>
        <Input maxLength={50} data-testid="fault-step-by" />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="fault-step-note" />
      </Form.Item>
    </RecordModal>
  );
}
