// The 政策版本 card on the settings page: what it is, and the way in.
import { FileProtectOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';

export function PolicyLink() {
  const { t } = useTranslation('policy');
  return (
    <Card
      title={t('title')}
      data-testid="policy-link"
      extra={
        <Button type="primary" icon={<FileProtectOutlined />} onClick={() => navigate('/policy')} data-testid="policy-open">
          {t('open')}
        </Button>
      }
    >
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
    </Card>
  );
}
