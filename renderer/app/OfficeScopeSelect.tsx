// The header's office selector ("范围：全部 / 青山镇"), beside the month. It reads `sync.scopes`
// (every office whose cadres or units this ledger holds) and keeps the answer in the office-scope
// store for the pages; it shows itself only when there is more than one office to choose from.
import { Select, Space, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../db/cache';
import { hasEndpoint, useCan } from '../features/session/store';
import { ALL_OFFICES, scopeValue, useOfficeScope, useOfficeScopeStore } from './officeScope';

/** Reads the ledger's offices into the store (mounted once, in the header). */
function useScopesLoader() {
  const canRead = useCan()('ledger.read');
  const available = canRead && hasEndpoint('sync.scopes');
  const scopes = useQuery('sync.scopes', {}, { enabled: available });
  const setScopes = useOfficeScopeStore((s) => s.setScopes);
  useEffect(() => {
    if (!available) setScopes(null);
    else if (scopes.data) setScopes(scopes.data);
    // An older host or a refusal: the pages ask for every office, as before.
    else if (scopes.error) setScopes(null);
  }, [available, scopes.data, scopes.error, setScopes]);
}

export function OfficeScopeSelect() {
  useScopesLoader();
  const { t } = useTranslation('app');
  const scopes = useOfficeScopeStore((s) => s.scopes);
  const chosen = useOfficeScopeStore((s) => s.chosen);
  const choose = useOfficeScopeStore((s) => s.choose);
  if (!scopes || scopes.offices.length <= 1) return null;
  const value = scopeValue(scopes, chosen);
  const short = (v: string) => (v === ALL_OFFICES ? t('scope.allShort') : (scopes.offices.find((o) => o.code === v)?.name ?? v));
  const options = [
    { value: ALL_OFFICES, label: <span data-testid="office-scope-option" data-office={ALL_OFFICES}>{t('scope.all')}</span> },
    ...scopes.offices.map((o) => ({
      value: o.code,
      label: (
        <span data-testid="office-scope-option" data-office={o.code}>
          {t(o.self ? 'scope.officeSelf' : 'scope.office', { name: o.name, code: o.code, n: o.cadres })}
        </span>
      ),
    })),
  ];
  return (
    <Space size="small" data-testid="office-scope" data-office={value}>
      {/* The hint on the label, so that it never covers the open list. */}
      <Tooltip title={t('scope.hint')} placement="bottomRight">
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', cursor: 'help' }}>
          {t('scope.label')}
        </Typography.Text>
      </Tooltip>
      <Select
        value={value}
        onChange={choose}
        options={options}
        labelRender={({ value: v }) => <span data-testid="office-scope-value">{short(String(v))}</span>}
        popupMatchSelectWidth={false}
        aria-label={t('scope.label')}
        style={{ width: 156 }}
        data-testid="office-scope-select"
      />
      <span className="print-only" data-testid="office-scope-print">
        {short(value)}
      </span>
    </Space>
  );
}

/**
 * A list's office filter (干部名册, 单位): the header's office scope itself — one choice for every
 * page, so choosing a township here also scopes the overview and the tracker, and the header says so.
 */
export function OfficeScopeFilter({ testId }: { testId: string }) {
  const { t } = useTranslation('app');
  const scope = useOfficeScope();
  const choose = useOfficeScopeStore((s) => s.choose);
  return (
    <Select
      style={{ width: 172 }}
      aria-label={t('scope.filter')}
      value={scope.office ?? ALL_OFFICES}
      onChange={choose}
      popupMatchSelectWidth={false}
      options={[
        { value: ALL_OFFICES, label: t('scope.all') },
        ...scope.offices.map((o) => ({ value: o.code, label: t(o.self ? 'scope.officeSelf' : 'scope.office', { name: o.name, code: o.code, n: o.cadres }) })),
      ]}
      labelRender={({ value }) => (value === ALL_OFFICES ? t('scope.all') : scope.nameOf(String(value)))}
      data-testid={testId}
    />
  );
}
