// 发布新版本: starts from the version in force; the required fields first (version label, month,
// note), then the main numeric thresholds by section (bounds from the schema). "查看改动" asks the
// core for a dry run: the changes against the base and what they do to months already scored and
// to confirmed meetings; "确认发布" issues it. Enter in the month picker never saves.
import { Alert, App, Button, Drawer, Empty, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuePolicyOutput, PolicyRow } from '../../../shared/contract/policy';
import type { PolicyVersion } from '../../../shared/policy';
import { numberBounds, policySections, policyValueText, valueAt, withValue } from '../../../shared/policy/labels';
import { api } from '../../api/client';
import { MonthPicker } from '../../app/MonthPicker';
import { onFormKeyDown, useRequired } from '../../app/safeEntry';
import { useFormSubmit } from '../../app/useFormSubmit';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { ChangeList } from './parts';

type Values = Record<string, unknown> & { version: string; effectiveFrom: string; note: string; 'label.zh': string; 'label.en': string };

const editableSections = policySections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.editable) })).filter((s) => s.fields.length);
const fieldName = (path: string) => `document.${path}`;
// Refusals about the whole document (nothing changed, a list field) have no input: they show above the form.
const fieldNames = ['version', 'effectiveFrom', 'note', 'label.zh', 'label.en', ...editableSections.flatMap((s) => s.fields.map((f) => fieldName(f.path)))];

function documentOf(base: PolicyVersion, values: Values): PolicyVersion {
  let doc = base;
  for (const s of editableSections) for (const f of s.fields) doc = withValue(doc, f.keys, values[fieldName(f.path)]);
  return doc;
}

export function IssueDrawer({ base, currentMonth, onClose, onIssued }: { base: PolicyRow; currentMonth: string; onClose(): void; onIssued(id: string): void }) {
  const { t, i18n } = useTranslation('policy');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const lang = i18n.language;
  const got = useQuery('policy.get', { id: base.id });
  const doc = got.data?.document;
  const [form] = Form.useForm<Values>();
  const required = useRequired();
  const { busy, general, submit } = useFormSubmit(form, fieldNames);
  const [review, setReview] = useState<IssuePolicyOutput | null>(null);
  // Every value as typed, to mark the thresholds changed from the base (原值 under the field).
  const watched = (Form.useWatch([], form) ?? {}) as Record<string, unknown>;

  const initialValues = useMemo(() => {
    if (!doc) return undefined;
    const v: Record<string, unknown> = {
      version: '',
      note: '',
      effectiveFrom: dayjs(`${currentMonth}-01`).add(1, 'month').format('YYYY-MM'),
      'label.zh': doc.label.zh,
      'label.en': doc.label.en,
    };
    for (const s of editableSections) for (const f of s.fields) v[fieldName(f.path)] = valueAt(doc, f.keys);
    return v;
  }, [doc, currentMonth]);

  const input = (values: Values, dryRun: boolean) => ({
    basedOn: base.id,
    version: values.version,
    effectiveFrom: values.effectiveFrom,
    note: values.note,
    label: { zh: values['label.zh'], en: values['label.en'] },
    document: documentOf(doc!, values) as unknown as Record<string, unknown>,
    dryRun,
  });
  const next = () =>
    submit(async (values) => {
      setReview(await api.policy.issue(input(values, true)));
    });
  const confirm = () =>
    submit(async (values) => {
      try {
        const out = await api.policy.issue(input(values, false));
        message.success(t('issue.issued', { version: out.version.version, from: out.version.effectiveFrom }));
        onIssued(out.version.id);
      } catch (e) {
        setReview(null); // back to the form, the refusal on its field
        throw e;
      }
    });

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={t('issue.title', { version: base.version })}
      data-testid="policy-issue"
      footer={
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          {review ? (
            <>
              <Button onClick={() => setReview(null)} data-testid="policy-issue-back">
                {t('issue.backToEdit')}
              </Button>
              <Button type="primary" loading={busy} onClick={() => void confirm()} data-testid="policy-issue-confirm">
                {t('issue.confirm')}
              </Button>
            </>
          ) : (
            <Button type="primary" loading={busy} disabled={!doc} onClick={() => void next()} data-testid="policy-issue-next">
              {t('issue.next')}
            </Button>
          )}
        </div>
      }
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} data-testid="policy-issue-error" />}
      {!doc || !initialValues ? (
        <Spin />
      ) : (
        <>
          {review && <Review review={review} />}
          <div style={review ? { display: 'none' } : undefined}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('issue.hint')}
            </Typography.Paragraph>
            <Form<Values> form={form} layout="vertical" initialValues={initialValues} onKeyDown={onFormKeyDown(() => void next())} data-testid="policy-issue-form">
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
                <Form.Item name="version" label={t('issue.version')} extra={t('issue.versionHint')} rules={required(t('issue.version'), { text: true })}>
                  <Input maxLength={64} data-testid="policy-issue-version" />
                </Form.Item>
                <Form.Item name="effectiveFrom" label={t('issue.effectiveFrom')} extra={t('issue.effectiveFromHint', { from: base.effectiveFrom })} rules={required(t('issue.effectiveFrom'))}>
                  <MonthField testId="policy-issue-from" />
                </Form.Item>
              </div>
              <Form.Item name="note" label={t('issue.note')} rules={required(t('issue.note'), { text: true })}>
                <Input.TextArea rows={2} maxLength={2000} placeholder={t('issue.notePlaceholder')} data-testid="policy-issue-note" />
              </Form.Item>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
                <Form.Item name="label.zh" label={t('issue.labelZh')} rules={required(t('issue.labelZh'), { text: true })}>
                  <Input maxLength={200} data-testid="policy-issue-label-zh" />
                </Form.Item>
                <Form.Item name="label.en" label={t('issue.labelEn')} rules={required(t('issue.labelEn'), { text: true })}>
                  <Input maxLength={200} data-testid="policy-issue-label-en" />
                </Form.Item>
              </div>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t('issue.thresholds')}
              </Typography.Title>
              {editableSections.map((s) => (
                <fieldset key={s.id} style={{ border: 'none', padding: 0, margin: '0 0 8px' }} data-testid={`policy-issue-section-${s.id}`}>
                  <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                    {pick(s.title, lang)}
                  </Typography.Text>
                  <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
                    {s.fields.map((f) => {
                      const b = numberBounds(f);
                      const label = pick(f.label, lang);
                      return (
                        <Form.Item
                          key={f.path}
                          name={fieldName(f.path)}
                          label={label}
                          rules={required(label)}
                          style={{ marginBottom: 8 }}
                          extra={
                            watched[fieldName(f.path)] !== undefined && watched[fieldName(f.path)] !== initialValues[fieldName(f.path)] ? (
                              <span data-testid="policy-field-was">{t('issue.was', { value: pick(policyValueText(f, initialValues[fieldName(f.path)]), lang) })}</span>
                            ) : undefined
                          }
                        >
                          <InputNumber
                            min={b.min}
                            max={b.max}
                            step={b.integer ? 1 : 0.1}
                            precision={b.integer ? 0 : undefined}
                            suffix={f.unit ? pick(f.unit, lang) : undefined}
                            style={{ width: '100%' }}
                            aria-label={label}
                            data-testid={`policy-field-${f.path}`}
                          />
                        </Form.Item>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
            </Form>
          </div>
        </>
      )}
    </Drawer>
  );
}

/** A month field for a Form.Item (value / onChange). */
function MonthField({ value, onChange, testId }: { value?: string; onChange?: (m: string) => void; testId: string }) {
  return <MonthPicker value={value} onChange={(m) => onChange?.(m)} testId={testId} style={{ width: '100%' }} />;
}

/** The confirm step: what changes, and what it does to work already done. */
function Review({ review }: { review: IssuePolicyOutput }) {
  const { t, i18n } = useTranslation('policy');
  const v = review.version;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="policy-issue-review">
      <Typography.Text>
        <Typography.Text strong>{v.version}</Typography.Text> · {t('span.from', { from: v.effectiveFrom })} · {v.note}
      </Typography.Text>
      <Typography.Text strong>{t('issue.changes', { n: review.changes.length })}</Typography.Text>
      {review.changes.length ? <ChangeList changes={review.changes} /> : <Empty description={t('issue.noChange')} />}
      <Typography.Text strong>{t('issue.warnings')}</Typography.Text>
      {review.warnings.length ? (
        review.warnings.map((w, i) => <Alert key={i} type="warning" showIcon title={pick(w.message, i18n.language)} data-testid="policy-issue-warning" />)
      ) : (
        <Alert type="success" showIcon title={t('issue.noWarnings')} />
      )}
    </Space>
  );
}
