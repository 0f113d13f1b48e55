// The "why" panel: the cadre's current findings with their explanation and evidence, and the two
// actions on each — record the suggested measure (pre-filled) or dismiss it with a reason. Both
// are written to the ledger with who and when (the store journals the caller).
import { CheckOutlined, DownOutlined, RightOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../../shared/contract/findings';
import type { RankEvidence } from '../../../shared/domain/findings';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../app/formErrors';
import { isRecordId, recordHref } from '../../app/recordLink';
import { pick } from '../../i18n';
import { ReleaseModal } from './actions';
import { MeasureModal } from './forms';

/** Punctuation of the UI language (full-width in Chinese). */
export function usePunct() {
  const { t } = useTranslation('casefile');
  return { colon: t('punct.colon'), open: t('punct.open'), close: t('punct.close') };
}

/** A rule's name, falling back to its id for a rule the UI does not know yet. */
export function useRuleName() {
  const { t, i18n } = useTranslation('casefile');
  return (rule: string) => (i18n.exists(`casefile:rule.${rule}`) ? t(`rule.${rule}`) : rule);
}

function Evidence({ finding }: { finding: FindingRow }) {
  const { t } = useTranslation('casefile');
  const p = usePunct();
  const [open, setOpen] = useState(false);
  const months = (finding.evidence.months ?? []) as RankEvidence[];
  const ids = finding.evidence.recordIds ?? [];
  if (months.length === 0 && ids.length === 0) return null;
  return (
    <div>
      <Button type="link" size="small" style={{ padding: 0 }} icon={open ? <DownOutlined /> : <RightOutlined />} onClick={() => setOpen(!open)} data-testid="finding-evidence">
        {t('findings.evidence')}
      </Button>
      {open && (
        <div style={{ marginTop: 4 }}>
          {months.length > 0 && (
            <Table<RankEvidence>
              size="small"
              pagination={false}
              rowKey="month"
              dataSource={months}
              columns={[
                { title: t('findings.month'), dataIndex: 'month' },
                { title: t('findings.score'), dataIndex: 'score' },
                {
                  title: t('findings.rank'),
                  render: (_, r) =>
                    r.third === 'none'
                      ? t('rankTextNoThird', { rank: r.rank, n: r.n })
                      : t('rankText', { rank: r.rank, n: r.n, third: t(`third.${r.third}`) }),
                },
              ]}
            />
          )}
          {ids.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('findings.records')}
              {p.colon}
              {ids.map((id, i) => (
                <span key={id}>
                  {i > 0 && (p.colon === '：' ? '、' : ', ')}
                  {/* Each record opens in the case file, scrolled to and marked (app/recordLink.ts). */}
                  {finding.subject.type === 'cadre' && isRecordId(id) ? (
                    <a href={recordHref(finding.subject.id, id)} data-testid="finding-record-link">
                      {id}
                    </a>
                  ) : (
                    id
                  )}
                </span>
              ))}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

/** The two actions on a finding: record its suggested measure (pre-filled) or dismiss it. */
export function FindingActions({ finding, asOf, subjectName, onDone, size = 'small' }: { finding: FindingRow; asOf: string; subjectName: string; onDone(): void; size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation('casefile');
  const [acting, setActing] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const suggested = finding.suggestedMeasure;
  // 影响期满待解除 is acted on by recording the release (解除) itself, not a measure.
  const release = finding.rule === 'sanction.release-due';
  return (
    <>
      <Space wrap size={6}>
        {release ? (
          <Button type="primary" size={size} icon={<CheckOutlined />} onClick={() => setReleasing(true)} data-testid="finding-release">
            {t('release.act')}
          </Button>
        ) : suggested ? (
          <Button type="primary" size={size} icon={<CheckOutlined />} onClick={() => setActing(true)} data-testid="finding-act">
            {t('findings.act')}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('findings.noMeasure')}
          </Typography.Text>
        )}
        <Button size={size} icon={<StopOutlined />} onClick={() => setDismissing(true)} data-testid="finding-dismiss">
          {t('findings.dismiss')}
        </Button>
      </Space>
      {suggested && acting && (
        <MeasureModal
          open
          onClose={() => setActing(false)}
          title={t('findings.actTitle')}
          subject={{ type: finding.subject.type, id: finding.subject.id, name: subjectName }}
          draft={suggested}
          formId={`finding:${finding.key}`}
          testId="act-form"
          intro={<Alert type="info" showIcon style={{ marginBottom: 12 }} title={pick(finding.explanation, i18n.language)} />}
          submit={async (m) => {
            await api.findings.act({ findingKey: finding.key, asOf, measure: m as never });
            onDone();
          }}
        />
      )}
      {releasing && (
        <ReleaseModal
          finding={finding}
          onClose={() => {
            setReleasing(false);
            onDone();
          }}
        />
      )}
      {dismissing && <DismissModal open findingKey={finding.key} asOf={asOf} onClose={() => setDismissing(false)} onDone={onDone} />}
    </>
  );
}

export function FindingCard({ finding, asOf, subjectName, onDone }: { finding: FindingRow; asOf: string; subjectName: string; onDone(): void }) {
  const { t, i18n } = useTranslation('casefile');
  const ruleName = useRuleName();
  const p = usePunct();
  const suggested = finding.suggestedMeasure;
  return (
    <div data-testid="finding" data-rule={finding.rule} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}>
      <Space wrap size={4} style={{ marginBottom: 6 }}>
        <Typography.Text strong>{ruleName(finding.rule)}</Typography.Text>
        {finding.isNew && <Tag color="red">{t('findings.isNew')}</Tag>}
      </Space>
      <div style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">
          {t('findings.why')}
          {p.colon}
        </Typography.Text>
        <span data-testid="finding-explanation">{pick(finding.explanation, i18n.language)}</span>
      </div>
      {suggested && (
        <div style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary">
            {t('findings.suggestion')}
            {p.colon}
          </Typography.Text>
          <Tag color="orange">{t(`measureKind.${suggested.kind}`)}</Tag>
        </div>
      )}
      <Evidence finding={finding} />
      <div style={{ marginTop: 8 }}>
        <FindingActions finding={finding} asOf={asOf} subjectName={subjectName} onDone={onDone} />
      </div>
    </div>
  );
}

function DismissModal({ open, findingKey, asOf, onClose, onDone }: { open: boolean; findingKey: string; asOf: string; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation('casefile');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  async function submit() {
    setBusy(true);
    setGeneral([]);
    try {
      await api.findings.dismiss({ findingKey, asOf, reason: form.getFieldValue('reason') ?? '' });
      message.success(t('findings.dismissed'));
      onClose();
      onDone();
    } catch (e) {
      setGeneral(applyFieldErrors(form, e, i18n.language, ['reason']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open={open}
      title={t('findings.dismissTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('findings.dismiss')}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'dismiss-submit' } as never}
    >
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('findings.dismissReason')} extra={t('findings.dismissReasonHint')} required>
          <Input.TextArea rows={3} maxLength={1000} data-testid="dismiss-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FindingsPanel({ findings, asOf, subjectName, onChanged }: { findings: FindingRow[]; asOf: string; subjectName: string; onChanged(): void }) {
  const { t } = useTranslation('casefile');
  if (findings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} data-testid="findings-empty" />;
  }
  return (
    <div data-testid="findings">
      {findings.map((f) => (
        <FindingCard key={f.key} finding={f} asOf={asOf} subjectName={subjectName} onDone={onChanged} />
      ))}
    </div>
  );
}
