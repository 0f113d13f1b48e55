// The 数据交换 card on the settings page: what it is, and the way in.
import { SwapOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';

export function ExchangeLink() {
  const { t } = useTranslation('exchange');
  return (
    <Card
      title={t('title')}
      data-testid="exchange-link"
      extra={
        <Button type="primary" icon={<SwapOutlined />} onClick={() => navigate('/exchange')} data-testid="exchange-open">
          {t('open')}
        </Button>
      }
    >
      <Typography.Text type="secondary">{t('intro')}</Typography.Text>
    </Card>
  );
}
