// Pieces the versions page and the issue drawer share: a version's tags and a list of changes.
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyRow } from '../../../shared/contract/policy';
import { policyFieldOf, policyPathLabel, policyValueText } from '../../../shared/policy/labels';
import { pick } from '../../i18n';

/** The tags of a version: in force, pending, default, and who issued it. */
export function VersionTags({ row }: { row: PolicyRow }) {
  const { t } = useTranslation('policy');
  return (
    <Space size={2} wrap>
      {row.inForce && <Tag color="green" data-testid="policy-tag-in-force">{t('tag.inForce')}</Tag>}
      {row.pending && <Tag color="orange">{t('tag.pending')}</Tag>}
      {row.builtIn && <Tag>{t('tag.builtIn')}</Tag>}
      {!row.issuer.own && (row.issuer.anchor ? <Tag color="blue" data-testid="policy-tag-new-area">{t('tag.newArea')}</Tag> : <Tag>{t('tag.other')}</Tag>)}
      {!row.applies && <Tag color="default">{t('tag.notApplies')}</Tag>}
    </Space>
  );
}

/** The changes of a version against its base, each threshold named, was → becomes. */
export function ChangeList({ changes }: { changes: Array<{ path: string; before: unknown; after: unknown }> }) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="path"
      data-testid="policy-change-list"
      dataSource={changes}
      columns={[
        { title: t('issue.threshold'), key: 'label', render: (_, c) => pick(policyPathLabel(c.path), lang) },
        { title: t('issue.before'), key: 'before', width: 150, render: (_, c) => pick(policyValueText(policyFieldOf(c.path), c.before), lang) },
        { title: t('issue.after'), key: 'after', width: 150, render: (_, c) => <Typography.Text strong>{pick(policyValueText(policyFieldOf(c.path), c.after), lang)}</Typography.Text> },
      ]}
    />
  );
}

