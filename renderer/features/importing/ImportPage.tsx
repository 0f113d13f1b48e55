// 导入数据: choose the kind, pick an .xlsx/.csv, preview every rejected row (row, column, reason)
// before anything is written, then import all rows or only the valid ones. A template per kind can
// be saved from here. The file crosses the contract as base64 (import.preview / import.commit).
import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCommitResult, ImportPreview, RejectedRowShape } from '../../../shared/contract/importing';
import { importKinds, type ImportKind } from '../../../shared/import/columns';
import { ApiError, api } from '../../api/client';
import { readFileBase64, saveBase64 } from '../../app/download';
import type { PageProps } from '../../app/routes';
import { navigate } from '../../app/router';
import { pick } from '../../i18n';

type Phase =
  | { name: 'choose' }
  | { name: 'reading'; fraction: number }
  | { name: 'previewing' }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'importing'; preview: ImportPreview }
  | { name: 'done'; result: ImportCommitResult };

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ImportPage({ query }: PageProps) {
  const { t, i18n } = useTranslation('importing');
  const td = useTranslation('domain').t;
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>(
    (importKinds as readonly string[]).includes(query.kind ?? '') ? (query.kind as ImportKind) : 'cadres',
  );
  const [phase, setPhase] = useState<Phase>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const file = useRef<{ fileName: string; contentBase64: string } | null>(null);

  const showError = (e: unknown) =>
    setError(e instanceof ApiError ? pick(e.bilingual, i18n.language) : e instanceof Error ? e.message : String(e));

  async function downloadTemplate() {
    try {
      const tpl = await api.import.template({ kind });
      saveBase64(tpl.fileName, tpl.contentBase64, xlsxType);
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.bilingual, i18n.language) : String(e));
    }
  }

  async function pickFile(f: File) {
    setError(null);
    if (!/\.(xlsx|csv)$/i.test(f.name)) {
      setError(t('badType'));
      return;
    }
    try {
      setPhase({ name: 'reading', fraction: 0 });
      const contentBase64 = await readFileBase64(f, (fraction) => setPhase({ name: 'reading', fraction }));
      file.current = { fileName: f.name, contentBase64 };
      setPhase({ name: 'previewing' });
      const preview = await api.import.preview({ kind, ...file.current });
      setPhase({ name: 'preview', preview });
    } catch (e) {
      showError(e);
      setPhase({ name: 'choose' });
    }
  }

  async function commit(validOnly: boolean) {
    if (phase.name !== 'preview' || !file.current) return;
    setError(null);
    setPhase({ name: 'importing', preview: phase.preview });
    try {
      const result = await api.import.commit({ kind, ...file.current, validOnly });
      file.current = null;
      setPhase({ name: 'done', result });
    } catch (e) {
      showError(e);
      setPhase({ name: 'preview', preview: phase.preview });
    }
  }

  function reset() {
    file.current = null;
    setError(null);
    setPhase({ name: 'choose' });
  }

  const step = phase.name === 'done' ? 2 : phase.name === 'preview' || phase.name === 'importing' ? 1 : 0;
  const busy = phase.name === 'reading' || phase.name === 'previewing' || phase.name === 'importing';
  const percent =
    phase.name === 'reading' ? Math.round(phase.fraction * 40) : phase.name === 'previewing' ? 60 : phase.name === 'importing' ? 85 : 100;
  const busyText =
    phase.name === 'reading' ? t('reading') : phase.name === 'previewing' ? t('previewing') : t('importing');

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>} data-testid="import-page">
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[{ title: t('step.choose') }, { title: t('step.preview') }, { title: t('step.done') }]}
      />
      <Space wrap style={{ marginBottom: 16 }} align="center">
        <Typography.Text>{t('kind')}</Typography.Text>
        <Select<ImportKind>
          data-testid="import-kind"
          value={kind}
          disabled={phase.name !== 'choose'}
          style={{ width: 220 }}
          onChange={setKind}
          options={importKinds.map((k) => ({ value: k, label: t('kindOption', { label: td(`importKind.${k}`), code: k }) }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} data-testid="import-template">
          {t('template')}
        </Button>
        <Typography.Text type="secondary">{t('templateHint')}</Typography.Text>
      </Space>

      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" closable={{ onClose: () => setError(null) }} />
      )}

      {busy && (
        <div style={{ maxWidth: 560, marginBottom: 16 }} data-testid="import-progress">
          <Typography.Text>{busyText}</Typography.Text>
          <Progress percent={percent} status="active" />
        </div>
      )}

      {phase.name === 'choose' && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            void pickFile(f);
            return Upload.LIST_IGNORE;
          }}
          style={{ maxWidth: 720 }}
          data-testid="import-drop"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('drop')}</p>
          <p className="ant-upload-hint">{t('dropHint')}</p>
        </Upload.Dragger>
      )}

      {(phase.name === 'preview' || phase.name === 'importing') && (
        <PreviewView preview={phase.preview} busy={phase.name === 'importing'} onCommit={(v) => void commit(v)} onReset={reset} />
      )}

      {phase.name === 'done' && (
        <Result
          data-testid="import-done"
          status={phase.result.committed ? 'success' : 'warning'}
          title={phase.result.committed ? t('doneTitle') : t('notCommitted')}
          subTitle={
            <>
              {t('doneText', { inserted: phase.result.inserted, updated: phase.result.updated, unchanged: phase.result.unchanged })}
              {phase.result.committed && phase.result.rejectedRows > 0 && <> {t('doneSkipped', { count: phase.result.rejectedRows })}</>}
            </>
          }
          extra={
            <Space>
              <Button type="primary" onClick={reset} data-testid="import-again">
                {t('another')}
              </Button>
              {kind === 'units' ? (
                <Button onClick={() => navigate('/units')}>{t('viewUnits')}</Button>
              ) : (
                <Button onClick={() => navigate('/cadres')}>{t('viewCadres')}</Button>
              )}
            </Space>
          }
        />
      )}
    </Card>
  );
}

function PreviewView({
  preview,
  busy,
  onCommit,
  onReset,
}: {
  preview: ImportPreview;
  busy: boolean;
  onCommit(validOnly: boolean): void;
  onReset(): void;
}) {
  const { t, i18n } = useTranslation('importing');
  const p = preview;
  const hasRejected = p.rejectedRows > 0 || p.fatal;
  return (
    <div data-testid="import-preview">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col><Statistic title={t('file')} value={p.fileName} styles={{ content: { fontSize: 16 } }} /></Col>
        <Col><Statistic title={t('format')} value={`${p.format.toUpperCase()}${p.encoding ? ` · ${p.encoding}` : ''}`} styles={{ content: { fontSize: 16 } }} /></Col>
        <Col><Statistic title={t('total')} value={p.total} /></Col>
        <Col><Statistic title={t('valid')} value={p.valid} styles={{ content: { color: '#389e0d' } }} data-testid="import-valid" /></Col>
        <Col>
          <Statistic
            title={t('rejectedRows')}
            value={p.rejectedRows}
            styles={{ content: { color: p.rejectedRows ? '#cf1322' : undefined } }}
            data-testid="import-rejected-count"
          />
        </Col>
        <Col><Statistic title={t('willInsert')} value={p.inserted} /></Col>
        <Col><Statistic title={t('willUpdate')} value={p.updated} /></Col>
        <Col><Statistic title={t('unchanged')} value={p.unchanged} /></Col>
      </Row>
      {p.fatal && <Alert type="error" showIcon title={t('fatal')} style={{ marginBottom: 16 }} />}
      {p.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('unknownColumns', { columns: p.unknownColumns.join('、') })}
          data-testid="import-unknown-columns"
        />
      )}
      {p.rejected.length > 0 && (
        <>
          <Typography.Title level={5}>{t('rejectedTitle')}</Typography.Title>
          {p.rejectedCount > p.rejected.length && (
            <Typography.Paragraph type="secondary">
              {t('rejectedMore', { shown: p.rejected.length, count: p.rejectedCount })}
            </Typography.Paragraph>
          )}
          <Table<RejectedRowShape>
            data-testid="import-rejected"
            size="small"
            rowKey={(r) => `${r.row}|${r.column}|${r.reason.en}`}
            dataSource={p.rejected}
            pagination={p.rejected.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            style={{ marginBottom: 16, maxWidth: 960 }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 80 },
              { title: t('column'), dataIndex: 'column', width: 180, render: (c: string) => c || t('wholeRow') },
              { title: t('reason'), dataIndex: 'reason', render: (r: { zh: string; en: string }) => pick(r, i18n.language) },
            ]}
          />
        </>
      )}
      {p.sample.length > 0 && (
        <>
          <Typography.Title level={5}>{t('sampleTitle', { count: p.sample.length })}</Typography.Title>
          <Table
            size="small"
            rowKey="row"
            dataSource={p.sample}
            pagination={false}
            style={{ marginBottom: 16, maxWidth: 960 }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 80 },
              {
                title: '',
                dataIndex: 'status',
                width: 90,
                render: (s: 'insert' | 'update' | 'unchanged') => (
                  <Tag color={s === 'insert' ? 'green' : s === 'update' ? 'blue' : 'default'}>{t(`sampleStatus.${s}`)}</Tag>
                ),
              },
              {
                title: t('record'),
                dataIndex: 'record',
                ellipsis: true,
                render: (r: Record<string, unknown>) =>
                  Object.entries(r)
                    .filter(([, v]) => v !== undefined && v !== '')
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join('；'),
              },
            ]}
          />
        </>
      )}
      {hasRejected && !p.fatal && <Typography.Paragraph type="secondary">{t('allRejectedHint')}</Typography.Paragraph>}
      <Space>
        {!hasRejected && (
          <Button type="primary" loading={busy} disabled={p.valid === 0} onClick={() => onCommit(false)} data-testid="import-all">
            {p.valid === 0 ? t('noneValid') : t('importAll')}
          </Button>
        )}
        {hasRejected && !p.fatal && (
          <Button type="primary" loading={busy} disabled={p.valid === 0} onClick={() => onCommit(true)} data-testid="import-valid-only">
            {p.valid === 0 ? t('noneValid') : t('importValid', { count: p.valid })}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} disabled={busy} onClick={onReset} data-testid="import-reset">
          {t('chooseAgain')}
        </Button>
      </Space>
    </div>
  );
}
