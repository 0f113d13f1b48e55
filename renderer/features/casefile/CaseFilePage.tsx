// 干部档案 (/cadres/:id). For now the header with the cadre's details; the timeline, chart and
// findings come with the case-file issue.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { hrefOf } from '../../app/router';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';

const statusColor: Record<string, string> = { inPost: 'green', probation: 'orange', transitional: 'volcano', exited: 'default' };

export default function CaseFilePage({ params }: PageProps) {
  const { t, i18n } = useTranslation('casefile');
  const tf = useTranslation('cadres').t;
  const td = useTranslation('domain').t;
  const tc = useTranslation('app').t;
  const cadre = useQuery('cadres.get', { id: params.id });
  const units = useQuery('units.list', {});

  if (!cadre.data) {
    if (cadre.error) return <Alert type="error" showIcon title={pick(cadre.error.bilingual, i18n.language)} />;
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  const c = cadre.data;
  const unitName = units.data?.find((u) => u.id === c.unitId)?.name ?? c.unitId;
  return (
    <Card
      data-testid="casefile-header"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} href={hrefOf('/cadres')} aria-label={t('backToList')} />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="casefile-name">
            {c.name}
          </Typography.Title>
          <Tag color={statusColor[c.status]} data-testid="casefile-status">
            {td(`status.${c.status}`)}
          </Tag>
          <Typography.Text type="secondary">{t('title')}</Typography.Text>
        </Space>
      }
      extra={
        <Button icon={<EditOutlined />} href={hrefOf(`/cadres/${encodeURIComponent(c.id)}/edit`)}>
          {t('edit')}
        </Button>
      }
    >
      <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
        <Descriptions.Item label={tf('field.id')}>{c.id}</Descriptions.Item>
        <Descriptions.Item label={tf('field.unitId')}>
          <span data-testid="casefile-unit">{unitName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tf('field.position')}>{c.position || '—'}</Descriptions.Item>
        <Descriptions.Item label={tf('field.rankLevel')}>{c.rankLevel || '—'}</Descriptions.Item>
        <Descriptions.Item label={tf('field.category')}>{td(`category.${c.category}`)}</Descriptions.Item>
        <Descriptions.Item label={tf('field.peerGroup')}>{c.peerGroup}</Descriptions.Item>
        <Descriptions.Item label={tf('field.leader')}>{c.leader ? tc('common.yes') : tc('common.no')}</Descriptions.Item>
        <Descriptions.Item label={tf('field.appointedOn')}>{c.appointedOn ?? '—'}</Descriptions.Item>
        {c.trialEndsOn && <Descriptions.Item label={tf('field.trialEndsOn')}>{c.trialEndsOn}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
