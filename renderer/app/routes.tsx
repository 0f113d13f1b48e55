// The route registry. A feature plugs in with one line: `{ path, section, page: lazy(() =>
// import('../features/x/XPage')) }` (the page default-exports a component taking PageProps).
// Order matters: the first matching path wins, so literal paths go before `:param` ones.
import {
  AuditOutlined,
  AlertOutlined,
  BarChartOutlined,
  DashboardOutlined,
  HeartOutlined,
  ImportOutlined,
  SettingOutlined,
  TeamOutlined,
  ApartmentOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Permission } from '../../shared/contract/permissions';
import { placeholder } from './Placeholder';

export interface PageProps {
  /** `:name` parts of the path. */
  params: Record<string, string>;
  /** `?a=b` after the path. */
  query: Record<string, string>;
}

/** A menu section: which side-menu entry is highlighted on a page. */
export type Section = 'overview' | 'cadres' | 'units' | 'tracker' | 'rehab' | 'meeting' | 'import' | 'settings' | 'audit';

export interface RouteDef {
  path: string;
  section: Section;
  page: ComponentType<PageProps>;
}

export const routes: RouteDef[] = [
  { path: '/', section: 'overview', page: lazy(() => import('../features/overview/OverviewPage')) },
  { path: '/cadres', section: 'cadres', page: lazy(() => import('../features/cadres/CadresPage')) },
  { path: '/cadres/new', section: 'cadres', page: lazy(() => import('../features/cadres/CadreFormPage')) },
  { path: '/cadres/:id/edit', section: 'cadres', page: lazy(() => import('../features/cadres/CadreFormPage')) },
  { path: '/cadres/:id', section: 'cadres', page: lazy(() => import('../features/casefile/CaseFilePage')) },
  { path: '/units', section: 'units', page: lazy(() => import('../features/units/UnitsPage')) },
  { path: '/tracker', section: 'tracker', page: lazy(() => import('../features/tracker/TrackerPage')) },
  { path: '/rehab', section: 'rehab', page: lazy(() => import('../features/rehab/RehabListPage')) },
  { path: '/rehab/:id', section: 'rehab', page: lazy(() => import('../features/rehab/PlanPage')) },
  { path: '/meeting', section: 'meeting', page: lazy(() => import('../features/meeting/MeetingsPage')) },
  { path: '/meeting/statistics', section: 'meeting', page: lazy(() => import('../features/meeting/StatisticsPage')) },
  { path: '/meeting/:id', section: 'meeting', page: lazy(() => import('../features/meeting/MeetingDetailPage')) },
  { path: '/import', section: 'import', page: lazy(() => import('../features/importing/ImportPage')) },
  { path: '/settings', section: 'settings', page: lazy(() => import('../features/settings/SettingsPage')) },
  { path: '/exchange', section: 'settings', page: lazy(() => import('../features/exchange/ExchangePage')) },
  { path: '/policy', section: 'settings', page: lazy(() => import('../features/policy/PolicyPage')) },
  { path: '/audit', section: 'audit', page: lazy(() => import('../features/audit/AuditPage')) },
];

/**
 * What a section needs (shared/contract/permissions.ts): the menu hides the rest and a page the
 * role cannot use says so. The core refuses the calls anyway; this only spares the clicks.
 */
export const sectionPermission: Record<Section, Permission> = {
  overview: 'ledger.read',
  cadres: 'ledger.read',
  units: 'ledger.read',
  tracker: 'ledger.read',
  rehab: 'ledger.read',
  meeting: 'ledger.read',
  import: 'ledger.write',
  settings: 'self',
  audit: 'audit.read',
};

/** The side menu, in order; labels are `app:menu.<section>`. */
export const menu: { section: Section; path: string; icon: ReactNode }[] = [
  { section: 'overview', path: '/', icon: <DashboardOutlined /> },
  { section: 'cadres', path: '/cadres', icon: <TeamOutlined /> },
  { section: 'units', path: '/units', icon: <ApartmentOutlined /> },
  { section: 'tracker', path: '/tracker', icon: <AlertOutlined /> },
  { section: 'rehab', path: '/rehab', icon: <HeartOutlined /> },
  { section: 'meeting', path: '/meeting', icon: <BarChartOutlined /> },
  { section: 'import', path: '/import', icon: <ImportOutlined /> },
  { section: 'audit', path: '/audit', icon: <AuditOutlined /> },
  { section: 'settings', path: '/settings', icon: <SettingOutlined /> },
];
