// The meeting section's two tabs: the meetings (docket, decisions, documents) and the statistics.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';

export function MeetingTabs({ active }: { active: 'meetings' | 'statistics' }) {
  const { t } = useTranslation('meeting');
  return (
    <Tabs
      className="no-print"
      activeKey={active}
      onChange={(k) => navigate(k === 'statistics' ? '/meeting/statistics' : '/meeting')}
      size="small"
      style={{ marginTop: -8, marginBottom: 4 }}
      items={[
        { key: 'meetings', label: <span data-testid="meeting-tab-meetings">{t('tabs.meetings')}</span> },
        { key: 'statistics', label: <span data-testid="meeting-tab-statistics">{t('tabs.statistics')}</span> },
      ]}
    />
  );
}
