// A card on the settings page that leads to a page of its own (数据交换, 政策版本): the feature's
// title and intro from its i18n namespace, and the way in. Test ids are `<testId>-link` and
// `<testId>-open`.
import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';

export function SettingsLink({ ns, path, icon, testId }: { ns: string; path: string; icon: ReactNode; testId: string }) {
  const { t } = useTranslation(ns);
  return (
    <Card
      title={t('title')}
      data-testid={`${testId}-link`}
      extra={
        <Button type="primary" icon={icon} onClick={() => navigate(path)} data-testid={`${testId}-open`}>
          {t('open')}
        </Button>
      }
    >
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
    </Card>
  );
}
