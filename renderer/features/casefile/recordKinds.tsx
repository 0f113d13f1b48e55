// One descriptor per record kind the case file can correct: the form fields (the same ones the
// entry form uses), how a stored record becomes form values and back. A correction sends the
// whole corrected record; the fields not on the form are kept as stored.
import { Form, Input, InputNumber, Select } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisableCollection } from '../../../shared/contract/records';
import { annualGrades } from '../../../shared/domain/records';
import { MeasureFields, SanctionFields, useRequired } from './forms';
import { plainCodec } from './codec';
import { CheckInFields, ClearanceFields, FaultFields, PlanFields, checkInCodec, faultCodec, planCodec } from './recordFields';

type Values = Record<string, unknown>;

export interface RecordDescriptor {
  /** Form field names (for the contract's field errors). */
  names: string[];
  fields(record: Values): ReactNode;
  toValues(record: Values): Values;
  /** The whole corrected record, without its id. */
  toRecord(values: Values, record: Values): Values;
  /** A stored value in words (history). */
  show(field: string, value: unknown, t: TFunction): ReactNode;
}

/** Default: kind labels for kinds, yes/no for flags, the rest as stored. */
function showValue(field: string, value: unknown, t: TFunction): ReactNode {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('revise.yes') : t('revise.no');
  if (field === 'kind' && typeof value === 'string') {
    if (value.includes('.')) return t(`sanctionKind.${value}`, { defaultValue: value });
    return t(`measureKind.${value}`, { defaultValue: value });
  }
  if (field === 'outcome' && typeof value === 'string') return t(`outcome.${value}`, { defaultValue: t(`rehabOutcome.${value}`, { defaultValue: value }) });
  if (field === 'assignment' && typeof value === 'string') return t(`assignment.${value}`, { defaultValue: value });
  if (field === 'decision' && typeof value === 'string') return t(`fault.decision.${value}`, { defaultValue: value });
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function Fixed({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Form.Item label={label}>
      <Input value={String(value ?? '')} disabled />
    </Form.Item>
  );
}

function ScoreFields({ record }: { record: Values }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  return (
    <>
      <Fixed label={t('field.month')} value={record.month as string} />
      <Form.Item name="score" label={t('field.score')} rules={required(t('field.score'))}>
        <InputNumber style={{ width: '100%' }} step={0.5} data-testid="correct-score" />
      </Form.Item>
    </>
  );
}

function GradeFields({ record }: { record: Values }) {
  const { t } = useTranslation('casefile');
  const td = useTranslation('domain').t;
  const required = useRequired();
  return (
    <>
      <Fixed label={t('field.year')} value={record.year as number} />
      <Form.Item name="grade" label={t('field.grade')} rules={required(t('field.grade'))}>
        <Select options={annualGrades.map((g) => ({ value: g, label: td(`grade.${g}`) }))} />
      </Form.Item>
    </>
  );
}

function MeasureCorrectFields() {
  return <MeasureFields testId="correct-measure" withOutcome />;
}

const with_ = (names: string[], dates: string[], fields: (r: Values) => ReactNode): RecordDescriptor => ({
  names,
  fields,
  show: showValue,
  ...plainCodec(names, dates),
});

export const recordDescriptors: Record<RevisableCollection, RecordDescriptor> = {
  scores: with_(['score'], [], (r) => <ScoreFields record={r} />),
  grades: with_(['grade'], [], (r) => <GradeFields record={r} />),
  sanctions: with_(
    ['kind', 'decidedOn', 'reason', 'documentNo', 'releasedOn', 'releaseDocumentNo'],
    ['decidedOn', 'releasedOn'],
    () => <SanctionFields />,
  ),
  measures: with_(['kind', 'startsOn', 'endsOn', 'reviewOn', 'documentNo', 'note', 'outcome'], ['startsOn', 'endsOn', 'reviewOn'], () => <MeasureCorrectFields />),
  faults: { fields: () => <FaultFields />, show: showValue, ...faultCodec },
  rehabPlans: { fields: () => <PlanFields />, show: showValue, ...planCodec },
  checkIns: { fields: (r) => <CheckInFields fixedDate={r.date as string} />, show: showValue, ...checkInCodec },
  clearances: with_(['verifiedBy', 'verifiedOn', 'scope', 'documentNo', 'note', 'date'], ['verifiedOn', 'date'], () => <ClearanceFields />),
};
