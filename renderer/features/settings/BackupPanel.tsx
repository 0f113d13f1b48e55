// 备份与恢复: list the backups, make one now, download one, restore from one (or from an uploaded
// file), delete one, verify the open ledger. A restore replaces the whole ledger, so the session
// is reloaded afterwards and every screen refetches (the revision moves).
import { CloudDownloadOutlined, DeleteOutlined, SafetyCertificateOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntryRow, VerifyReportView } from '../../../shared/contract/backup';
import { ApiError, api } from '../../api/client';
import { readFileBase64, saveBase64 } from '../../app/download';
import { resetLedgerView, useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { useSession } from '../session/store';

const kindColor: Record<string, string> = { auto: 'blue', manual: 'green', 'pre-restore': 'orange', uploaded: 'purple', other: 'default' };

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupPanel() {
  const { t, i18n } = useTranslation('settings');
  const tc = useTranslation('app').t;
  const { message, modal } = App.useApp();
  const list = useQuery('backup.list', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [verify, setVerify] = useState<VerifyReportView | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));

  async function act<T>(key: string, f: () => Promise<T>): Promise<T | undefined> {
    setBusy(key);
    try {
      return await f();
    } catch (e) {
      fail(e);
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  async function restore(input: { name?: string; base64?: string; passphrase?: string }) {
    const r = await act('restore', () => api.backup.restore(input));
    if (!r) return;
    message.success(t('backup.restored', { name: r.restoredFrom, safety: r.safetyBackup ?? '—' }), 8);
    await useSession.getState().load();
    await resetLedgerView();
  }

  function confirmUpload(file: File) {
    let passphrase = '';
    modal.confirm({
      title: t('backup.uploadConfirm', { name: file.name }),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('backup.restoreHint')}</Typography.Text>
          <Input.Password placeholder={t('backup.passphrase')} onChange={(e) => (passphrase = e.target.value)} />
        </Space>
      ),
      okText: t('backup.restore'),
      cancelText: tc('common.cancel'),
      onOk: async () => {
        const base64 = await readFileBase64(file);
        await restore({ base64, ...(passphrase ? { passphrase } : {}) });
      },
    });
  }

  return (
    <Card
      title={t('backup.title')}
      data-testid="backup-panel"
      extra={
        <Space>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={busy === 'verify'}
            onClick={() => void act('verify', () => api.backup.verify({})).then((r) => r && setVerify(r))}
            data-testid="backup-verify"
          >
            {t('backup.verify')}
          </Button>
          <Upload
            accept=".cbak"
            showUploadList={false}
            beforeUpload={(f) => {
              confirmUpload(f);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'restore'}>
              {t('backup.upload')}
            </Button>
          </Upload>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy === 'create'}
            data-testid="backup-create"
            onClick={() =>
              void act('create', () => api.backup.create({})).then((b) => {
                if (!b) return;
                message.success(t('backup.created', { name: b.name }));
                void list.refetch();
              })
            }
          >
            {t('backup.create')}
          </Button>
        </Space>
      }
    >
      {list.data && (
        <Typography.Paragraph type="secondary">
          {t('backup.intro', { keep: list.data.keepDaily })} {t('backup.directory')}：
          <Typography.Text code copyable>
            {list.data.directory}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {list.error && <Alert type="error" showIcon title={pick(list.error.bilingual, i18n.language)} style={{ marginBottom: 16 }} />}
      {verify && (
        <Alert
          data-testid="backup-verify-result"
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          title={verify.ok ? t('backup.verifyOk', { events: verify.events, records: verify.records }) : t('backup.verifyBad')}
          description={
            verify.ok ? undefined : (
              <ul style={{ margin: 0 }}>
                {verify.problems.map((p, i) => (
                  <li key={i}>
                    {p.file}
                    {p.seq !== undefined ? ` #${p.seq}` : ''}: {pick(p.message, i18n.language)}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Table<BackupEntryRow>
        data-testid="backup-table"
        size="small"
        rowKey="name"
        loading={list.loading && !list.data}
        dataSource={list.data?.backups ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('backup.empty') }}
        columns={[
          { title: t('backup.createdAt'), dataIndex: 'createdAt', width: 180, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm:ss') },
          { title: t('backup.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <Tag color={kindColor[k]}>{t(`backup.kinds.${k}`)}</Tag> },
          { title: t('backup.name'), dataIndex: 'name', ellipsis: true },
          { title: t('backup.size'), dataIndex: 'size', width: 100, align: 'right', render: formatSize },
          {
            title: tc('common.actions'),
            width: 260,
            render: (_, b) => (
              <Space>
                <Button
                  size="small"
                  icon={<CloudDownloadOutlined />}
                  onClick={() =>
                    void act(`download:${b.name}`, () => api.backup.download({ name: b.name })).then(
                      (d) => d && saveBase64(d.name, d.base64),
                    )
                  }
                >
                  {t('backup.download')}
                </Button>
                <Popconfirm
                  title={t('backup.restoreConfirm', { name: b.name })}
                  description={t('backup.restoreHint')}
                  okText={t('backup.restore')}
                  cancelText={tc('common.cancel')}
                  onConfirm={() => restore({ name: b.name })}
                >
                  <Button size="small" loading={busy === 'restore'} data-testid={`backup-restore-${b.name}`}>
                    {t('backup.restore')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('backup.deleteConfirm', { name: b.name })}
                  okText={t('backup.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('common.cancel')}
                  onConfirm={() =>
                    act(`delete:${b.name}`, () => api.backup.delete({ name: b.name })).then((r) => {
                      if (!r) return;
                      message.success(t('backup.deleted', { name: b.name }));
                      void list.refetch();
                    })
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('backup.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
