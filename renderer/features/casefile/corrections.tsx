// 更正 / 作废 / 历史 of any record in the case file. A correction opens the record's own form,
// pre-filled, plus a required reason; a void asks for a reason and confirmation; the history lists
// every version with who, when and why. The core keeps the versions (records.correct/void/history):
// nothing here decides what a correction means, it only sends the corrected record.
import { Alert, App, Empty, Form, Input, Modal, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordVersion, RevisableCollection } from '../../../shared/contract/records';
import { api } from '../../api/client';
import { applyFieldErrors } from '../../app/formErrors';
import { pick } from '../../i18n';
import { recordDescriptors } from './recordKinds';
import { RecordModal, onFormKeyDown, useRequired } from './forms';
import { useLiveQuery } from './useLiveQuery';

type Values = Record<string, unknown>;

export interface RecordRef {
  collection: RevisableCollection;
  id: string;
  record: Values;
  /** The record in words (the timeline's title), for the dialogs' titles. */
  label: string;
}

/** The reason field every correction and void asks for. */
function ReasonField({ label, testId }: { label: string; testId: string }) {
  const required = useRequired();
  return (
    <Form.Item name="reason" label={label} rules={required(label, { text: true })}>
      <Input.TextArea rows={2} maxLength={1000} data-testid={testId} />
    </Form.Item>
  );
}

export function CorrectModal({ target, onClose }: { target: RecordRef; onClose(): void }) {
  const { t } = useTranslation('casefile');
  const d = recordDescriptors[target.collection];
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('revise.correctTitle', { record: target.label })}
      formId={`correct:${target.collection}:${target.id}`}
      fieldNames={[...d.names, 'reason']}
      initialValues={d.toValues(target.record)}
      testId="correct-form"
      okText={t('revise.correctSave')}
      submit={async (v) => {
        await api.records.correct({
          collection: target.collection,
          id: target.id,
          record: d.toRecord(v, target.record),
          reason: String(v.reason ?? '').trim(),
        } as never);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('revise.correctHint')} />
      {d.fields(target.record)}
      <ReasonField label={t('revise.correctReason')} testId="correct-reason" />
    </RecordModal>
  );
}

export function VoidModal({ target, onClose }: { target: RecordRef; onClose(): void }) {
  const { t, i18n } = useTranslation('casefile');
  const tc = useTranslation('app').t;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  async function submit() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setGeneral([]);
    try {
      await api.records.void({ collection: target.collection, id: target.id, reason: (form.getFieldValue('reason') ?? '').trim() });
      message.success(t('revise.voided'));
      onClose();
    } catch (e) {
      setGeneral(applyFieldErrors(form, e, i18n.language, ['reason']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('revise.voidTitle', { record: target.label })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('revise.voidConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'void-submit' } as never}
      cancelText={tc('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('revise.voidWarning')} />
      {general.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general.join('；')} />}
      <Form form={form} layout="vertical" data-testid="void-form" onKeyDown={onFormKeyDown(() => void submit())}>
        <ReasonField label={t('revise.voidReason')} testId="void-reason" />
      </Form>
    </Modal>
  );
}

const actionColor: Record<string, string> = { create: 'blue', correct: 'orange', void: 'default' };

export function HistoryModal({ target, onClose }: { target: RecordRef; onClose(): void }) {
  const { t, i18n } = useTranslation('casefile');
  const history = useLiveQuery('records.history', { collection: target.collection, id: target.id });
  const h = history.data;
  const d = recordDescriptors[target.collection];
  const show = (field: string, v: unknown) => d.show(field, v, t);
  return (
    <Modal open title={t('revise.historyTitle', { record: target.label })} onCancel={onClose} footer={null} width={820} destroyOnHidden data-testid="history-modal">
      {history.error && <Alert type="error" showIcon title={pick(history.error.bilingual, i18n.language)} />}
      {!h && !history.error && <Spin style={{ display: 'block', margin: 24 }} />}
      {h && (
        <>
          {h.voided && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('revise.isVoided')} />}
          <Table<RecordVersion>
            size="small"
            rowKey="revisionId"
            pagination={false}
            dataSource={[...h.versions].reverse()}
            scroll={{ y: 360 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('revise.noHistory')} /> }}
            data-testid="history-table"
            onRow={() => ({ 'data-testid': 'history-row' }) as never}
            columns={[
              { title: t('revise.at'), dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
              { title: t('revise.by'), dataIndex: 'by', width: 90 },
              {
                title: t('revise.action'),
                dataIndex: 'action',
                width: 76,
                render: (a: string) => <Tag color={actionColor[a]}>{t(`revise.actions.${a}`)}</Tag>,
              },
              { title: t('revise.reason'), dataIndex: 'reason', width: 180, render: (r: string) => r || '—' },
              {
                title: t('revise.changes'),
                key: 'changes',
                render: (_, v) => <VersionChanges version={v} show={show} />,
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

function VersionChanges({ version, show }: { version: RecordVersion; show(field: string, v: unknown): ReactNode }) {
  const { t } = useTranslation('casefile');
  if (version.action !== 'correct') {
    const rec = version.after ?? version.before ?? {};
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {Object.entries(rec)
          .filter(([k, v]) => k !== 'id' && v !== undefined && v !== '' && typeof v !== 'object')
          .map(([k, v]) => `${t(`revise.field.${k}`, { defaultValue: k })}：${String(show(k, v))}`)
          .join('；')}
      </Typography.Text>
    );
  }
  return (
    <div style={{ fontSize: 12 }}>
      {version.changed.map((k) => (
        <div key={k}>
          <Typography.Text strong style={{ fontSize: 12 }}>
            {t(`revise.field.${k}`, { defaultValue: k })}
          </Typography.Text>
          ：<Typography.Text delete type="secondary" style={{ fontSize: 12 }}>{String(show(k, version.before?.[k]) ?? '—')}</Typography.Text>
          {' → '}
          <span>{String(show(k, version.after?.[k]) ?? '—')}</span>
        </div>
      ))}
    </div>
  );
}
