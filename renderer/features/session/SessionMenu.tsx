// The header's user: display name and role, and — when there is something to lock — 锁定 and 退出登录.
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../shared/domain/access';
import { callEndpoint } from '../../api/client';
import { pick } from '../../i18n';
import { useSession } from './store';

export function SessionMenu() {
  const { t, i18n } = useTranslation('session');
  const info = useSession((s) => s.info);
  if (!info) return null;
  const role = info.logins && info.roles.length === 1 ? pick(roleLabels[info.roles[0]], i18n.language) : null;
  const label = (
    <Typography.Text data-testid="header-user" style={{ whiteSpace: 'nowrap' }}>
      <UserOutlined /> {info.displayName || info.user}
      {role && <Typography.Text type="secondary" data-testid="header-role">{` · ${role}`}</Typography.Text>}
    </Typography.Text>
  );
  if (!info.logins && !info.encrypted) return label;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'lock', icon: <LockOutlined />, label: t('menu.lock') },
          ...(info.logins ? [{ key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout') }] : []),
        ],
        onClick: ({ key }) => {
          if (key === 'lock') void useSession.getState().lock();
          else {
            useSession.setState({ lastName: '' });
            void callEndpoint('session.logout', {}).then((next) => useSession.getState().apply(next));
          }
        },
      }}
    >
      <Button type="text" size="small" data-testid="session-menu">
        {label}
      </Button>
    </Dropdown>
  );
}
