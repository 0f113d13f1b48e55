// The app frame: antd ConfigProvider (locale follows the language), the session gate (locked,
// bad token, first run), the side menu and header, and the routed page.
import { App as AntdApp, ConfigProvider, Layout, Menu, Result, Spin, Button } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Welcome, useFirstRun } from '../features/session/Welcome';
import { UnlockScreen } from '../features/session/UnlockScreen';
import { IdleLock } from '../features/session/IdleLock';
import { LoginScreen } from '../features/session/LoginScreen';
import { NoFormHistory } from '../features/session/NoFormHistory';
import { SessionDialogs } from '../features/session/SessionDialogs';
import { useCan, useSession } from '../features/session/store';
import { permissionLabels } from '../../shared/contract/permissions';
import { pick } from '../i18n';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { hrefOf, matchPath, navigate, useLocation } from './router';
import { menu, routes, sectionPermission } from './routes';

const { Sider, Content } = Layout;

export function App() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? enUS : zhCN;
  return (
    <ConfigProvider locale={locale} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntdApp style={{ height: '100%' }}>
        <SessionGate />
      </AntdApp>
    </ConfigProvider>
  );
}

function SessionGate() {
  const { t, i18n } = useTranslation('app');
  const { status, error, load } = useSession();
  useEffect(() => {
    void load();
  }, [load]);

  if (status === 'loading') return <Spin fullscreen description={t('common.loading')} />;
  if (status === 'locked') return <UnlockScreen />;
  if (status === 'login') return <LoginScreen />;
  if (status === 'unauthorized')
    return (
      <Result
        status="403"
        title={t('errors.unauthorized')}
        subTitle={t('errors.unauthorizedHint')}
        data-testid="unauthorized"
      />
    );
  if (status === 'error')
    return (
      <Result
        status="error"
        title={t('common.error')}
        subTitle={error ? pick(error.bilingual, i18n.language) : ''}
        extra={<Button onClick={() => void load()}>{t('common.retry')}</Button>}
      />
    );
  return (
    <>
      <IdleLock />
      <NoFormHistory />
      <SessionDialogs />
      <Frame />
    </>
  );
}

function Frame() {
  const { t } = useTranslation('app');
  const loc = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const firstRun = useFirstRun();
  const can = useCan();
  const { i18n } = useTranslation();
  const allowedMenu = menu.filter((m) => can(sectionPermission[m.section]));

  const match = useMemo(() => {
    for (const r of routes) {
      const params = matchPath(r.path, loc.path);
      if (params) return { route: r, params };
    }
    return null;
  }, [loc.path]);

  const Page = match?.route.page;
  const needed = match ? sectionPermission[match.route.section] : undefined;
  const forbidden = !!needed && !can(needed);
  // A role without the overview (administrator, auditor) starts on its first page instead.
  useEffect(() => {
    if (forbidden && loc.path === '/' && allowedMenu.length) navigate(allowedMenu[0].path, { replace: true });
  }, [forbidden, loc.path, allowedMenu]);

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={200}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            color: '#b71c1c',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('appShort').slice(0, 2) : t('appShort')}
        </div>
        <Menu
          mode="inline"
          selectedKeys={match ? [match.route.section] : []}
          items={allowedMenu.map((m) => ({
            key: m.section,
            icon: m.icon,
            label: (
              <a href={hrefOf(m.path)} data-testid={`menu-${m.section}`}>
                {t(`menu.${m.section}`)}
              </a>
            ),
          }))}
          onClick={({ key, domEvent }) => {
            domEvent.preventDefault();
            const m = menu.find((x) => x.section === key);
            if (m) navigate(m.path);
          }}
        />
      </Sider>
      <Layout>
        <AppHeader />
        <Content style={{ margin: 16, minWidth: 0 }}>
          <ErrorBoundary resetKey={loc.path}>
            {forbidden ? (
              <Result
                status="403"
                title={t('errors.forbiddenPage')}
                subTitle={t('errors.forbiddenPageHint', { permission: pick(permissionLabels[needed!], i18n.language) })}
                data-testid="forbidden-page"
                extra={allowedMenu.length ? <Button onClick={() => navigate(allowedMenu[0].path)}>{t(`menu.${allowedMenu[0].section}`)}</Button> : undefined}
              />
            ) : firstRun.show && can('ledger.write') ? (
              <Welcome onDone={firstRun.dismiss} />
            ) : Page ? (
              <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                <Page params={match.params} query={loc.query} />
              </Suspense>
            ) : (
              <Result
                status="404"
                title={t('common.notFound')}
                subTitle={t('common.notFoundHint', { path: loc.path })}
                extra={<Button onClick={() => navigate('/')}>{t('common.goHome')}</Button>}
              />
            )}
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
