// 调动到其他乡镇 (sync.transfer): the office that owns a cadre hands it to another office — the
// receiving township, or the New Area when it takes the cadre over directly. Ownership moves by one
// `owners` record that travels in the packages; the cadre keeps its id and every record about it,
// and the receiving office then sets its unit and peer group. The dialog itself is the
// confirmation: it says so above the button. Safe entry as everywhere (RecordModal): Enter in the
// office select or the date never saves.
import { Alert, Button, Form, Input, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Ownership } from '../../../shared/contract/casefile';
import { api } from '../../api/client';
import { DateField } from '../../app/DateField';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../db/cache';
import { useSession } from '../session/store';
import { RecordModal, useRequired } from './forms';

/** The offices a cadre can go to: every office this one knows (trusts), itself and the current owner left out. */
function useReceivingOffices(owner: string) {
  // sync.scopes (readable by every role that reads the ledger) lists every office this one trusts.
  const scopes = useQuery('sync.scopes', {});
  const self = scopes.data?.self?.code;
  const rows = scopes.data?.trusted ?? [];
  return { loading: !scopes.data && !scopes.error, options: rows.filter((o) => o.code !== self && o.code !== owner) };
}

export function TransferModal({ cadre, ownership, onClose }: { cadre: { id: string; name: string }; ownership: Ownership; onClose(): void }) {
  const { t } = useTranslation('casefile');
  const required = useRequired();
  const today = useSession((s) => s.info?.today) ?? dayjs().format('YYYY-MM-DD');
  const { loading, options } = useReceivingOffices(ownership.office);
  return (
    <RecordModal
      open
      onClose={onClose}
      title={t('transfer.title', { name: cadre.name })}
      formId={`transfer:${cadre.id}`}
      fieldNames={['to', 'on', 'note', 'cadreId']}
      initialValues={{ on: dayjs(today) }}
      testId="transfer-form"
      okText={t('transfer.confirm')}
      submit={async (v) => {
        await api.sync.transfer({
          cadreId: cadre.id,
          to: String(v.to ?? ''),
          on: dayjs.isDayjs(v.on) ? (v.on as Dayjs).format('YYYY-MM-DD') : '',
          note: typeof v.note === 'string' ? v.note.trim() : '',
        });
      }}
    >
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('transfer.from')}</Typography.Text>
        <Tag style={{ marginInlineStart: 8 }} data-testid="transfer-from">
          {ownership.officeName}
        </Tag>
      </Typography.Paragraph>
      <Form.Item name="to" label={t('transfer.to')} rules={required(t('transfer.to'))}>
        <Select
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('transfer.toPlaceholder')}
          options={options.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
          notFoundContent={loading ? undefined : t('transfer.noOffices')}
          data-testid="transfer-to"
        />
      </Form.Item>
      <Form.Item name="on" label={t('transfer.on')} rules={required(t('transfer.on'))}>
        <DateField style={{ width: '100%' }} data-testid="transfer-on" />
      </Form.Item>
      <Form.Item name="note" label={t('transfer.note')}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('transfer.notePlaceholder')} data-testid="transfer-note" />
      </Form.Item>
      <Explain name={cadre.name} options={options} />
    </RecordModal>
  );
}

/** What the transfer does, naming the chosen office (read from the form it sits in). */
function Explain({ name, options }: { name: string; options: { code: string; name: string }[] }) {
  const { t } = useTranslation('casefile');
  const form = Form.useFormInstance();
  const to = Form.useWatch('to', form) as string | undefined;
  const toName = options.find((o) => o.code === to)?.name ?? t('transfer.receiving');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="transfer-explain"
      title={t('transfer.explainTitle', { name, to: toName })}
      description={t('transfer.explain', { to: toName })}
    />
  );
}

/** "已调往 青山镇（2026-12-01）" / "调入自 …" / "所属：…" beside the cadre's name. */
export function OwnershipTag({ ownership }: { ownership: Ownership }) {
  const { t } = useTranslation('casefile');
  const last = ownership.transfers[ownership.transfers.length - 1];
  if (last && !ownership.self && last.to === ownership.office) {
    return (
      <Tooltip title={last.note || undefined}>
        <Tag color="purple" data-testid="casefile-transferred">
          {t('transfer.gone', { to: last.toName, on: last.on })}
        </Tag>
      </Tooltip>
    );
  }
  if (last && ownership.self && last.to === ownership.office) {
    return (
      <Tooltip title={last.note || undefined}>
        <Tag color="cyan" data-testid="casefile-transferred">
          {t('transfer.came', { from: last.fromName, on: last.on })}
        </Tag>
      </Tooltip>
    );
  }
  if (!ownership.self) {
    return (
      <Tag data-testid="casefile-owner" color="geekblue">
        {t('transfer.owner', { office: ownership.officeName })}
      </Tag>
    );
  }
  return null;
}

/**
 * A cadre transferred in keeps its old office's unit until this office gives it one of its own
 * (and a peer group: it is ranked among that unit's peers then). Says so, with the way to do it.
 */
export function TransferredInNotice({ cadre, unitName, ownership, canEdit }: { cadre: { id: string; name: string }; unitName: string; ownership: Ownership; canEdit: boolean }) {
  const { t } = useTranslation('casefile');
  if (!ownership.self || ownership.unitOffice === ownership.office) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="casefile-set-unit"
      title={t('transfer.setUnit', { name: cadre.name, unit: unitName, office: ownership.unitOfficeName })}
      action={
        canEdit && (
          <Button size="small" href={hrefOf(`/cadres/${encodeURIComponent(cadre.id)}/edit`)}>
            {t('edit')}
          </Button>
        )
      }
    />
  );
}
