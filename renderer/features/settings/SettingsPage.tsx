// 设置: language, who is working, where the data is, the demo township, and 备份与恢复.
import { FileProtectOutlined, SwapOutlined } from '@ant-design/icons';
import { Card, Descriptions, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/routes';
import { setLang, type Lang } from '../../i18n';
import { DemoSwitch } from '../session/DemoSwitch';
import { useCan, useSession } from '../session/store';
import { UsersPanel } from '../session/UsersPanel';
import { BackupPanel } from './BackupPanel';
import { SettingsLink } from './SettingsLink';

export default function SettingsPage(_: PageProps) {
  const { t, i18n } = useTranslation('settings');
  const info = useSession((s) => s.info);
  const can = useCan();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="settings-page">
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
        <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t('language')}>
            <Segmented<Lang>
              data-testid="settings-lang"
              value={i18n.language === 'en' ? 'en' : 'zh'}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'English', value: 'en' },
              ]}
              onChange={setLang}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('user')}>
            <Space orientation="vertical" size={0}>
              <Typography.Text strong data-testid="settings-user">{info?.user}</Typography.Text>
              <Typography.Text type="secondary">{t('userHint')}</Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('dataDir')}>
            <Typography.Text copyable code data-testid="settings-data-dir">{info?.dataDir}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('encrypted')}>{info?.encrypted ? t('encryptedYes') : t('encryptedNo')}</Descriptions.Item>
          <Descriptions.Item label={t('version')}>{info?.appVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
      <UsersPanel />
      <DemoSwitch />
      {can('backup.manage') && <BackupPanel />}
      {can('settings.manage') && <SettingsLink ns="exchange" path="/exchange" icon={<SwapOutlined />} testId="exchange" />}
      {can('ledger.read') && <SettingsLink ns="policy" path="/policy" icon={<FileProtectOutlined />} testId="policy" />}
    </Space>
  );
}
