// What a page says about the office scope it shows: a tag beside its title (so a printout or a
// screenshot says whose figures these are) and the reason an empty list is empty — a township
// chosen in the header whose cadres have not arrived yet is not "no findings".
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOfficeScope } from './officeScope';

/** "青山镇" / "全部乡镇（街道）" beside a page title; nothing when the ledger holds one office. */
export function OfficeScopeTag() {
  const { t } = useTranslation('app');
  const scope = useOfficeScope();
  if (!scope.several) return null;
  return (
    <Tag color="geekblue" style={{ marginInlineEnd: 0 }} data-testid="page-scope" data-office={scope.office ?? ''}>
      {scope.entry ? scope.entry.name : t('scope.all')}
    </Tag>
  );
}

/**
 * Why a scoped list is empty: the chosen office holds no cadres (none imported yet, or all
 * transferred away), else the page's own reason, naming the scope when there is a choice.
 */
export function useScopeEmpty(): (reason: string) => string {
  const { t } = useTranslation('app');
  const scope = useOfficeScope();
  return (reason) => {
    const e = scope.entry;
    if (e && e.cadres === 0 && e.units === 0) return t(e.self ? 'scope.emptySelf' : 'scope.emptyOffice', { name: e.name });
    if (e && e.cadres === 0) return t(e.self ? 'scope.noCadresSelf' : 'scope.noCadres', { name: e.name });
    if (!scope.several) return reason;
    return t('scope.reasonIn', { reason, scope: e ? e.name : t('scope.all') });
  };
}

/** Above figures that would only read 0: the chosen office holds no cadres (none imported yet). */
export function ScopeNoCadresAlert() {
  const { t } = useTranslation('app');
  const { entry } = useOfficeScope();
  if (!entry || entry.cadres > 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="scope-no-cadres"
      title={t(entry.self ? 'scope.noCadresSelf' : 'scope.noCadres', { name: entry.name })}
    />
  );
}
