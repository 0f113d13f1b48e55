// Entry forms of the case file: monthly score, annual grade, sanction, measure. Each is a modal
// whose validation is the contract's: the service answers VALIDATION with field paths
// ('record.month', 'measure.endsOn'), shown on the fields in the UI language. Drafts autosave.
// Safe entry: required fields are checked before anything is sent, Enter in a date or select field
// never saves (it only confirms the date or the option; Ctrl+Enter or the primary button saves),
// and a record the core finds identical to one already there is saved only after the officer agrees.
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDraft } from '../../../shared/contract/findings';
import { annualGrades, measureKinds, measureOutcomes, sanctionKinds, type MeasureKind } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { ApiError } from '../../api/client';
import { DateField } from '../../app/DateField';
import { DraftBanner } from '../../app/DraftBanner';
import { applyFieldErrors } from '../../app/formErrors';
import { useQuery } from '../../db/cache';
import { useDraft } from '../../db/drafts';

type Values = Record<string, unknown>;

/** What a submit may be asked to add: the officer agreed to save a record identical to another. */
export interface SubmitOptions {
  confirmDuplicate?: boolean;
}

import { onFormKeyDown, useRequired } from '../../app/safeEntry';
export { onFormKeyDown, useRequired };

/**
 * True when the core refused a new record as identical to an existing one (same cadre, kind and
 * date: CONFLICT). Resent with `confirmDuplicate` it is saved as a record of its own.
 */
export function isDuplicate(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'CONFLICT';
}

interface RecordModalProps {
  open: boolean;
  title: ReactNode;
  /** Draft key: one draft per form and subject. */
  formId: string;
  fieldNames: string[];
  initialValues: Values;
  onClose(): void;
  /** After a successful save (default: onClose). */
  onSaved?(): void;
  /** Writes the record; throws the contract's ApiError on a refusal. */
  submit(values: Values, options: SubmitOptions): Promise<void>;
  testId: string;
  okText?: string;
  /** A CONFLICT answer is a duplicate the officer may save anyway (sanctions, measures, faults, clearances). */
  confirmsDuplicates?: boolean;
  width?: number;
  children: ReactNode;
}

/** A modal form that autosaves a draft and puts the contract's field errors on its fields. */
export function RecordModal(props: RecordModalProps) {
  const { open, title, onClose, testId, width = 560 } = props;
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={width} data-testid={`${testId}-modal`}>
      {open && <RecordForm {...props} />}
    </Modal>
  );
}

function RecordForm({ formId, fieldNames, initialValues, onClose, onSaved, submit, testId, okText, confirmsDuplicates, children }: RecordModalProps) {
  const { t, i18n } = useTranslation('app');
  const tk = useTranslation('casefile').t;
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const draft = useDraft(formId, form);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  async function onFinish(options: SubmitOptions = {}) {
    const values = form.getFieldsValue(true) as Values;
    setBusy(true);
    setGeneral([]);
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    try {
      await submit(values, options);
      await draft.clear();
      message.success(t('common.saved'));
      (onSaved ?? onClose)();
    } catch (e) {
      if (confirmsDuplicates && isDuplicate(e) && !options.confirmDuplicate) {
        modal.confirm({
          title: tk('duplicate.title'),
          content: tk('duplicate.text'),
          okText: tk('duplicate.saveAnyway'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'duplicate-confirm' } as never,
          onOk: () => onFinish({ confirmDuplicate: true }),
        });
        return;
      }
      const rest = applyFieldErrors(form, e, i18n.language, fieldNames);
      setGeneral(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={draft.onValuesChange}
      onFinish={() => void onFinish()}
      onKeyDown={onFormKeyDown(() => form.submit())}
      data-testid={testId}
    >
      <DraftBanner draft={draft} />
      {general.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={general.join('；')} data-testid={`${testId}-error`} />
      )}
      {children}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
          {okText ?? t('common.save')}
        </Button>
      </div>
    </Form>
  );
}


const dateText = (v: unknown, format: string): string | undefined =>
  dayjs.isDayjs(v) ? (v as Dayjs).format(format) : undefined;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Drops undefined fields so the contract's own "required" words apply to what is missing. */
function defined(o: Values): Values {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

// ---- monthly score ------------------------------------------------------------------------------

export function ScoreModal({ cadreId, open, onClose, defaultMonth }: { cadreId: string; open: boolean; onClose(): void; defaultMonth: string }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  return (
    <RecordModal
      open={open}
      onClose={onClose}
      title={t('entry.score')}
      formId={`casefile:${cadreId}:score`}
      fieldNames={['month', 'score']}
      initialValues={{ month: dayjs(`${defaultMonth}-01`) }}
      testId="score-form"
      submit={async (v) => {
        await api.records.put({
          collection: 'scores',
          record: defined({ cadreId, month: dateText(v.month, 'YYYY-MM'), score: v.score as number }) as never,
        });
      }}
    >
      <Form.Item name="month" label={t('field.month')} rules={required(t('field.month'))}>
        <DatePicker picker="month" style={{ width: '100%' }} data-testid="score-month" />
      </Form.Item>
      <Form.Item name="score" label={t('field.score')} rules={required(t('field.score'))}>
        <InputNumber style={{ width: '100%' }} step={0.5} data-testid="score-value" />
      </Form.Item>
    </RecordModal>
  );
}

// ---- annual grade -------------------------------------------------------------------------------

export function GradeModal({ cadreId, open, onClose, defaultYear }: { cadreId: string; open: boolean; onClose(): void; defaultYear: number }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const td = useTranslation('domain').t;
  return (
    <RecordModal
      open={open}
      onClose={onClose}
      title={t('entry.grade')}
      formId={`casefile:${cadreId}:grade`}
      fieldNames={['year', 'grade']}
      initialValues={{ year: dayjs(`${defaultYear}-01-01`) }}
      testId="grade-form"
      submit={async (v) => {
        const year = dayjs.isDayjs(v.year) ? (v.year as Dayjs).year() : undefined;
        await api.records.put({ collection: 'grades', record: defined({ cadreId, year, grade: v.grade }) as never });
      }}
    >
      <Form.Item name="year" label={t('field.year')} rules={required(t('field.year'))}>
        <DatePicker picker="year" style={{ width: '100%' }} data-testid="grade-year" />
      </Form.Item>
      <Form.Item name="grade" label={t('field.grade')} rules={required(t('field.grade'))}>
        <Select data-testid="grade-value" options={annualGrades.map((g) => ({ value: g, label: td(`grade.${g}`) }))} />
      </Form.Item>
    </RecordModal>
  );
}

// ---- sanction -----------------------------------------------------------------------------------

export function SanctionModal({ cadreId, open, onClose, today }: { cadreId: string; open: boolean; onClose(): void; today: string }) {
  const { t } = useTranslation('casefile');
  return (
    <RecordModal
      open={open}
      onClose={onClose}
      title={t('entry.sanction')}
      formId={`casefile:${cadreId}:sanction`}
      fieldNames={sanctionFields}
      initialValues={{ decidedOn: dayjs(today) }}
      testId="sanction-form"
      confirmsDuplicates
      submit={async (v, options) => {
        await api.records.put({ collection: 'sanctions', record: sanctionRecord(cadreId, v) as never, ...options });
      }}
    >
      <SanctionFields />
    </RecordModal>
  );
}

const sanctionFields = ['kind', 'decidedOn', 'reason', 'documentNo', 'releasedOn', 'releaseDocumentNo'];
function sanctionRecord(cadreId: string, v: Values): Values {
  return defined({
    cadreId,
    kind: v.kind,
    decidedOn: dateText(v.decidedOn, 'YYYY-MM-DD'),
    reason: text(v.reason),
    documentNo: text(v.documentNo),
    releasedOn: dateText(v.releasedOn, 'YYYY-MM-DD'),
    releaseDocumentNo: text(v.releaseDocumentNo),
  });
}

/** The sanction's fields (entry and correction share them). */
export function SanctionFields() {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const group = (prefix: string, label: string) => ({
    label,
    options: sanctionKinds.filter((k) => k.startsWith(prefix)).map((k) => ({ value: k, label: t(`sanctionKind.${k}`) })),
  });
  return (
    <>
      <Form.Item name="kind" label={t('field.kind')} rules={required(t('field.kind'))}>
        <Select
          data-testid="sanction-kind"
          options={[group('party.', t('entry.partyGroup')), group('admin.', t('entry.adminGroup'))]}
        />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('field.decidedOn')} rules={required(t('field.decidedOn'))}>
        <DateField style={{ width: '100%' }} data-testid="sanction-date" />
      </Form.Item>
      <Form.Item name="reason" label={t('field.reason')} rules={required(t('field.reason'), { text: true })}>
        <Input.TextArea rows={2} maxLength={500} data-testid="sanction-reason" />
      </Form.Item>
      <Form.Item name="documentNo" label={t('field.documentNo')}>
        <Input maxLength={100} data-testid="sanction-document" />
      </Form.Item>
      <Form.Item name="releasedOn" label={t('field.releasedOn')}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="releaseDocumentNo" label={t('field.releaseDocumentNo')}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

// ---- measure ------------------------------------------------------------------------------------

export interface MeasureModalProps {
  open: boolean;
  onClose(): void;
  title?: ReactNode;
  /** Who the measure is about (fixed); left out, the form asks (cadre or unit, then which). */
  subject?: { type: 'cadre' | 'unit'; id: string; name: string };
  /** Pre-filled values (a finding's suggestion, the ladder's next step). */
  draft?: Partial<MeasureDraft>;
  /** Kinds offered; all by default. */
  kinds?: readonly MeasureKind[];
  /** Records the measure; by default records.put. */
  submit?(measure: Omit<MeasureDraft, 'note'> & { note: string; outcome?: string }, options: SubmitOptions): Promise<void>;
  formId: string;
  testId?: string;
  okText?: string;
  /** Shown above the fields (e.g. the finding's explanation). */
  intro?: ReactNode;
  /** Offer the outcome field (entering a past measure that is already over). */
  withOutcome?: boolean;
  /** A team measure may name members of the team (measure.memberIds). */
  members?: { value: string; label: string }[];
  onSaved?(): void;
  /** The pre-filled values of another offered kind (the ladder's options): taken when the kind changes. */
  draftFor?(kind: MeasureKind): Partial<MeasureDraft> | undefined;
}

export function MeasureModal({ open, onClose, onSaved, title, subject, draft, kinds, submit, formId, testId = 'measure-form', okText, intro, withOutcome, members, draftFor }: MeasureModalProps) {
  const { t } = useTranslation('casefile');
  const initialValues: Values = {
    subjectType: subject?.type ?? draft?.subjectType ?? 'cadre',
    subjectId: subject?.id ?? draft?.subjectId,
    kind: draft?.kind,
    startsOn: draft?.startsOn ? dayjs(draft.startsOn) : dayjs(),
    endsOn: draft?.endsOn ? dayjs(draft.endsOn) : undefined,
    reviewOn: (draft as { reviewOn?: string } | undefined)?.reviewOn ? dayjs((draft as { reviewOn: string }).reviewOn) : undefined,
    note: draft?.note ?? '',
  };
  return (
    <RecordModal
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={title ?? t('entry.measure')}
      formId={formId}
      fieldNames={measureFieldNames}
      initialValues={initialValues}
      testId={testId}
      okText={okText}
      confirmsDuplicates
      submit={async (v, options) => {
        const full = measureRecord(v, subject) as Omit<MeasureDraft, 'note'> & { note: string; outcome?: string };
        if (submit) await submit(full, options);
        else await api.records.put({ collection: 'measures', record: full as never, ...options });
      }}
    >
      {intro}
      {subject ? (
        <Form.Item label={t('field.subject')}>
          <Input value={subject.name} disabled />
        </Form.Item>
      ) : (
        <SubjectFields testId={testId} />
      )}
      <MeasureFields testId={testId} kinds={kinds} withOutcome={withOutcome} draftFor={draftFor} />
      {members && members.length > 0 && (
        <Form.Item name="memberIds" label={t('field.memberIds')} extra={t('field.memberIdsHint')}>
          <Select mode="multiple" allowClear options={members} data-testid={`${testId}-members`} />
        </Form.Item>
      )}
    </RecordModal>
  );
}

const measureFieldNames = ['kind', 'startsOn', 'endsOn', 'reviewOn', 'documentNo', 'note', 'outcome', 'subjectId', 'memberIds'];
function measureRecord(v: Values, subject?: { type: 'cadre' | 'unit'; id: string }): Values {
  return {
    ...defined({
      subjectType: subject?.type ?? v.subjectType,
      subjectId: subject?.id ?? v.subjectId,
      kind: v.kind,
      startsOn: dateText(v.startsOn, 'YYYY-MM-DD'),
      endsOn: dateText(v.endsOn, 'YYYY-MM-DD'),
      reviewOn: v.kind === 'transitionalPlacement' ? dateText(v.reviewOn, 'YYYY-MM-DD') : undefined,
      documentNo: text(v.documentNo),
      outcome: v.outcome,
      memberIds: Array.isArray(v.memberIds) && v.memberIds.length > 0 ? v.memberIds : undefined,
    }),
    note: text(v.note),
  };
}

/** The measure's own fields (entry, the finding's action, the ladder's next step and correction share them). */
export function MeasureFields({
  testId,
  kinds,
  withOutcome,
  draftFor,
}: {
  testId: string;
  kinds?: readonly MeasureKind[];
  withOutcome?: boolean;
  draftFor?(kind: MeasureKind): Partial<MeasureDraft> | undefined;
}) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form) as MeasureKind | undefined;
  const team = Form.useWatch('subjectType', form) === 'unit';
  // A position adjustment of a team is a 班子调整.
  const kindLabel = (k: MeasureKind) => (team && k === 'positionAdjustment' ? t('field.teamAdjustment') : t(`measureKind.${k}`));
  // Another of the offered kinds chosen: its own pre-filled dates and note (the core's draft).
  const onKind = (k: MeasureKind) => {
    const d = draftFor?.(k);
    if (!d) return;
    form.setFieldsValue({
      startsOn: d.startsOn ? dayjs(d.startsOn) : form.getFieldValue('startsOn'),
      endsOn: d.endsOn ? dayjs(d.endsOn) : undefined,
      ...(d.note ? { note: d.note } : {}),
    });
  };
  return (
    <>
      <Form.Item name="kind" label={t('field.measureKind')} rules={required(t('field.measureKind'))}>
        <Select
          data-testid={`${testId}-kind`}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(k: MeasureKind) => onKind(k)}
          options={(kinds ?? measureKinds).map((k) => ({ value: k, label: kindLabel(k) }))}
        />
      </Form.Item>
      <Form.Item name="startsOn" label={t('field.startsOn')} rules={required(t('field.startsOn'))}>
        <DateField style={{ width: '100%' }} data-testid={`${testId}-starts`} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('field.endsOn')} extra={t('field.endsOnHint')}>
        <DateField style={{ width: '100%' }} data-testid={`${testId}-ends`} />
      </Form.Item>
      {kind === 'transitionalPlacement' && <ReviewOnField testId={testId} />}
      {withOutcome && (
        <Form.Item name="outcome" label={t('field.outcome')}>
          <Select allowClear options={measureOutcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="documentNo" label={t('field.documentNo')}>
        <Input maxLength={100} data-testid={`${testId}-document`} />
      </Form.Item>
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid={`${testId}-note`} />
      </Form.Item>
    </>
  );
}

/**
 * 复核日期 of a transitional placement, pre-filled from policy by the core (records.measureDefaults,
 * the same rule records.put applies) as soon as the start date is known; the officer may change it.
 */
function ReviewOnField({ testId }: { testId: string }) {
  const { t } = useTranslation('casefile');
  const form = Form.useFormInstance();
  const startsOn = dateText(Form.useWatch('startsOn', form), 'YYYY-MM-DD');
  useEffect(() => {
    if (!startsOn || form.isFieldTouched('reviewOn')) return;
    let live = true;
    api.records
      .measureDefaults({ kind: 'transitionalPlacement', startsOn })
      .then((d) => {
        if (live && d.reviewOn && !form.isFieldTouched('reviewOn')) form.setFieldValue('reviewOn', dayjs(d.reviewOn));
      })
      .catch(() => undefined); // left empty: the core still fills it on save
    return () => {
      live = false;
    };
  }, [startsOn, form]);
  return (
    <Form.Item name="reviewOn" label={t('field.reviewOn')} extra={t('field.reviewOnHint')}>
      <DateField style={{ width: '100%' }} data-testid={`${testId}-review`} />
    </Form.Item>
  );
}

/** Cadre or unit, then which one (searchable; antd Select virtualizes long lists). */
function SubjectFields({ testId }: { testId: string }) {
  const { t } = useTranslation('casefile');
  const form = Form.useFormInstance();
  const type = Form.useWatch('subjectType', form) as 'cadre' | 'unit' | undefined;
  const cadres = useQuery('cadres.list', {}, { enabled: type !== 'unit' });
  const units = useQuery('units.list', {});
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const options =
    type === 'unit'
      ? (units.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }))
      : (cadres.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${unitName.get(c.unitId) ?? c.unitId}, ${c.id})` }));
  return (
    <>
      <Form.Item name="subjectType" label={t('field.subjectType')} required>
        <Radio.Group data-testid={`${testId}-subject-type`} onChange={() => form.setFieldValue('subjectId', undefined)}>
          <Radio.Button value="cadre">{t('field.subjectCadre')}</Radio.Button>
          <Radio.Button value="unit" data-testid={`${testId}-subject-unit`}>
            {t('field.subjectUnit')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="subjectId" label={t('field.subject')} required>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid={`${testId}-subject`} />
      </Form.Item>
    </>
  );
}

/** Keeps a modal's open/closed state and what it was opened with. */
export function useModal<T = true>() {
  const [value, setValue] = useState<T | null>(null);
  return { value, open: (v: T) => setValue(v), close: () => setValue(null), isOpen: value !== null };
}
