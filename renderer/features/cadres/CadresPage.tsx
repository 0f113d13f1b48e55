// 干部名册: every cadre with derived status (50,000 in a New Area's ledger). The rows are filtered
// through a CadreIndex (filter.ts) built once per list, and drawn with @tanstack/react-virtual: a
// keystroke in the search box filters at once and re-renders only the rows in view. The filters and
// the sort live in the route query so a reload or a shared link keeps them.
import { CaretDownOutlined, CaretUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Card, Empty, Input, Select, Space, Spin, Tag, Typography, theme } from 'antd';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { cadreStatuses } from '../../../shared/domain/status';
import { cadreCategories } from '../../../shared/domain/records';
import type { CadreRow, UnitRow } from '../../../shared/contract';
import { ALL_OFFICES, unitOptionsOf, useOfficeScope, useOfficeScopeStore, type OfficeScope } from '../../app/officeScope';
import { OfficeScopeFilter } from '../../app/OfficeScopeSelect';
import type { PageProps } from '../../app/routes';
import { hrefOf, navigate, useLocation } from '../../app/router';
import { useViewportHeight } from '../../app/useViewportHeight';
import { useRevision } from '../../api/revision';
import { useQuery } from '../../db/cache';
import { pick } from '../../i18n';
import { CadreIndex, filterKeys, formatSort, parseSort, type CadreFilter, type CadreSort, type SortKey } from './filter';
import './CadresPage.css';
import { useCan } from '../session/store';

export const statusColor: Record<string, string> = {
  inPost: 'green',
  probation: 'orange',
  transitional: 'volcano',
  exited: 'default',
};

const ROW_HEIGHT = 40;

function toQuery(f: CadreFilter, sort: CadreSort | undefined): string {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (f[k]) p.set(k, f[k]!);
  const s = formatSort(sort);
  if (s) p.set('sort', s);
  const text = p.toString();
  return text ? `/cadres?${text}` : '/cadres';
}

interface Column {
  key: string;
  sort?: SortKey;
  /** A CSS grid track: the minimum keeps names on one line at 1366 px, the rest share the width. */
  track: string;
}
const allColumns: readonly Column[] = [
  { key: 'id', sort: 'id', track: 'minmax(156px, 0.9fr)' },
  { key: 'name', sort: 'name', track: 'minmax(88px, 0.8fr)' },
  // Only when the ledger holds several offices (the New Area): the township that owns the cadre.
  // 128 px holds 新区党工委办公室 (8 characters) whole at 1366 px; unit, position and rank gave the room.
  { key: 'office', sort: 'office', track: 'minmax(128px, 0.8fr)' },
  { key: 'unitId', sort: 'unit', track: 'minmax(142px, 1.6fr)' },
  { key: 'peerGroup', sort: 'peerGroup', track: 'minmax(116px, 1.1fr)' },
  { key: 'position', track: 'minmax(102px, 1.1fr)' },
  { key: 'rankLevel', track: 'minmax(76px, 0.8fr)' },
  { key: 'category', sort: 'category', track: 'minmax(104px, 0.9fr)' },
  { key: 'leader', track: 'minmax(72px, 0.5fr)' },
  { key: 'status', sort: 'status', track: 'minmax(92px, 0.7fr)' },
];
interface Layout {
  columns: readonly Column[];
  gridTemplateColumns: string;
  /** Below this width the list scrolls sideways instead of squeezing its columns. */
  minWidth: number;
}
function layoutOf(columns: readonly Column[]): Layout {
  return {
    columns,
    gridTemplateColumns: columns.map((c) => c.track).join(' '),
    minWidth: columns.reduce((sum, c) => sum + Number(/minmax\((\d+)px/.exec(c.track)![1]), 0),
  };
}
const oneOffice = layoutOf(allColumns.filter((c) => c.key !== 'office'));
const severalOffices = layoutOf(allColumns);

interface RowProps {
  cadre: CadreRow;
  top: number;
  index: number;
  gridTemplateColumns: string;
  /** The owning office's name; undefined when the ledger holds one office (no column). */
  officeName?: string;
  unitName: string;
  labels: { category: string; status: string; leader: string };
}

/** One row; memoised so that scrolling or filtering re-renders only rows that enter the view. */
const CadreRowView = memo(function CadreRowView({ cadre: c, top, index, gridTemplateColumns, officeName, unitName, labels }: RowProps) {
  const href = hrefOf(`/cadres/${encodeURIComponent(c.id)}`);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="cadre-list-row"
      data-testid={`cadre-row-${c.id}`}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns, height: ROW_HEIGHT }}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return; // the link navigates by itself
        navigate(`/cadres/${encodeURIComponent(c.id)}`);
      }}
    >
      <div role="cell" title={c.id}>{c.id}</div>
      <div role="cell" title={c.name}>
        <a href={href}>{c.name}</a>
      </div>
      {officeName !== undefined && (
        <div role="cell" title={officeName} data-testid="cadre-office">
          {officeName}
        </div>
      )}
      <div role="cell" title={unitName}>{unitName}</div>
      <div role="cell" title={c.peerGroup}>{c.peerGroup}</div>
      <div role="cell" title={c.position}>{c.position}</div>
      <div role="cell" title={c.rankLevel}>{c.rankLevel}</div>
      <div role="cell" title={labels.category}>{labels.category}</div>
      <div role="cell">{labels.leader}</div>
      <div role="cell">
        <Tag color={statusColor[c.status]}>{labels.status}</Tag>
      </div>
    </div>
  );
});

interface ToolbarProps {
  filter: CadreFilter;
  units: readonly UnitRow[];
  scope: Pick<OfficeScope, 'office' | 'several' | 'offices'>;
  peerGroups: readonly string[];
  onChange: (patch: Partial<CadreFilter>) => void;
}

/** The select filters; memoised so a keystroke in the search box does not re-render them. */
const FilterSelects = memo(function FilterSelects({ filter, units, scope, peerGroups, onChange }: ToolbarProps) {
  const { t } = useTranslation('cadres');
  const td = useTranslation('domain').t;
  const { office, several, offices } = scope;
  const unitOptions = useMemo(() => unitOptionsOf(units, { office, several, offices }), [units, office, several, offices]);
  return (
    <Space wrap>
      {several && <OfficeScopeFilter testId="filter-office" />}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filter.unit')}
        style={{ width: 180 }}
        value={filter.unit}
        onChange={(v) => onChange({ unit: v })}
        options={unitOptions}
        data-testid="filter-unit"
      />
      <Select
        allowClear
        showSearch
        placeholder={t('filter.peerGroup')}
        style={{ width: 160 }}
        value={filter.peerGroup}
        onChange={(v) => onChange({ peerGroup: v })}
        options={peerGroups.map((g) => ({ value: g, label: g }))}
        data-testid="filter-peer-group"
      />
      <Select
        allowClear
        placeholder={t('filter.category')}
        style={{ width: 130 }}
        value={filter.category}
        onChange={(v) => onChange({ category: v })}
        options={cadreCategories.map((c) => ({ value: c, label: td(`category.${c}`) }))}
        data-testid="filter-category"
      />
      <Select
        allowClear
        placeholder={t('filter.status')}
        style={{ width: 120 }}
        value={filter.status}
        onChange={(v) => onChange({ status: v })}
        options={cadreStatuses.map((s) => ({ value: s, label: td(`status.${s}`) }))}
        data-testid="filter-status"
      />
    </Space>
  );
});

const noUnits: UnitRow[] = [];
const noCadres: CadreRow[] = [];
const emptyIndex = new CadreIndex(noCadres);

/**
 * The list last shown and its index, kept while the app runs: coming back to the page shows it at
 * once, before the read cache has been read back from IndexedDB (for 50,000 cadres that read is
 * most of a warm open). It is no more trusted than that cache: the query's answer replaces it as
 * soon as it arrives unless it is the same list (then the index is kept). Dropped with the ledger
 * (a new epoch: demo, restore, another data folder).
 */
let kept: { epoch: number; rows: readonly CadreRow[]; index: CadreIndex } | undefined;

function sameRows(a: readonly CadreRow[], b: readonly CadreRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, unknown>;
    const y = b[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) if (x[k] !== y[k]) return false;
  }
  return true;
}

export default function CadresPage({ query }: PageProps) {
  // The UI offers what the role may do; the core is what refuses (docs/ACCESS.md).
  const canWrite = useCan()('ledger.write');
  const { t, i18n } = useTranslation('cadres');
  const td = useTranslation('domain').t;
  const tc = useTranslation('app').t;
  const { token } = theme.useToken();
  const cadres = useQuery('cadres.list', {});
  const units = useQuery('units.list', {});
  const height = useViewportHeight();
  // The header's office scope filters the rows here (client-side, on each row's owning office).
  const scope = useOfficeScope();
  const { office, several, offices } = scope;
  const scopeProps = useMemo(() => ({ office, several, offices }), [office, several, offices]);
  const officeNames = useMemo(() => new Map(offices.map((o) => [o.code, o.name])), [offices]);
  const { columns, gridTemplateColumns, minWidth } = several ? severalOffices : oneOffice;

  const routeFilter: CadreFilter = useMemo(
    () => Object.fromEntries(filterKeys.filter((k) => query[k]).map((k) => [k, query[k]])),
    [query],
  );
  const sort = useMemo(() => parseSort(query.sort), [query.sort]);
  // Read in the callbacks below, which stay the same function so the memoised filters keep still.
  const latest = useRef({ routeFilter, sort });
  latest.current = { routeFilter, sort };
  const setFilter = useMemo(
    () => (patch: Partial<CadreFilter>) =>
      navigate(toQuery({ ...latest.current.routeFilter, ...patch }, latest.current.sort), { replace: true }),
    [],
  );

  // The search box filters on every keystroke (the index makes that cheap); the route query follows
  // after a pause, so typing does not rewrite the address on every key.
  const [q, setQ] = useState(routeFilter.q ?? '');
  const written = useRef(routeFilter.q ?? '');
  useEffect(() => {
    // Only a change from outside (clear filters, back, a link) replaces what is being typed.
    if ((routeFilter.q ?? '') !== written.current) {
      written.current = routeFilter.q ?? '';
      setQ(written.current);
    }
  }, [routeFilter.q]);
  useEffect(() => {
    if (q === written.current) return;
    const h = setTimeout(() => {
      if (useLocation.getState().path !== '/cadres') return; // left the list meanwhile
      written.current = q;
      setFilter({ q: q || undefined });
    }, 300);
    return () => clearTimeout(h);
  }, [q, setFilter]);
  const filter = useMemo(() => ({ ...routeFilter, q: q || undefined, office }), [routeFilter, q, office]);

  const unitList = units.data ?? noUnits;
  const unitName = useMemo(() => new Map(unitList.map((u) => [u.id, u.name])), [unitList]);
  const epoch = useRevision((s) => s.epoch);
  const fresh = cadres.data;
  const list = useMemo(() => {
    const last = kept && kept.epoch === epoch ? kept : undefined;
    if (!fresh) return last;
    if (last && (last.rows === fresh || sameRows(last.rows, fresh))) return last;
    return { epoch, rows: fresh, index: new CadreIndex(fresh) };
  }, [fresh, epoch]);
  useEffect(() => {
    if (list && fresh) kept = list;
  }, [list, fresh]);
  const all = list?.rows ?? noCadres;
  const index = list?.index ?? emptyIndex;
  const peerGroups = useMemo(() => index.distinct('peerGroup'), [index]);
  const shown = useMemo(
    () => index.filter(filter, sort, (id) => unitName.get(id) ?? id),
    [index, filter, sort, unitName],
  );
  const hasFilter = filterKeys.some((k) => filter[k]);
  // The cadres in the scope (every row when no office is chosen): the count the filters start from.
  const inScope = useMemo(() => (office ? index.filter({ office }).length : all.length), [index, office, all.length]);

  // The list fills the window below the toolbar (which may wrap): its top is measured after layout.
  const scrollRef = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(250);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measured = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (measured !== top) setTop(measured);
  });
  // 8 + 1 + 24 px below it: the card's padding and border, the content's margin.
  const bodyHeight = Math.max(240, height - top - ROW_HEIGHT - 34);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The rows start below the sticky header row, inside the same scroll box.
    scrollMargin: ROW_HEIGHT,
    initialRect: { width: 1100, height: bodyHeight + ROW_HEIGHT },
  });
  // A new filter or sort starts at the top of the list.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filter, sort]);

  const labels = useMemo(() => {
    const category = new Map(cadreCategories.map((c) => [c, td(`category.${c}`)]));
    const status = new Map(cadreStatuses.map((s) => [s, td(`status.${s}`)]));
    return { category, status, yes: tc('common.yes'), no: tc('common.no') };
  }, [td, tc]);
  const rowLabels = useMemo(() => new Map<string, RowProps['labels']>(), [labels]);
  const labelsOf = (c: CadreRow) => {
    const key = `${c.category}|${c.status}|${c.leader ? 1 : 0}`;
    let l = rowLabels.get(key);
    if (!l) {
      l = {
        category: labels.category.get(c.category) ?? c.category,
        status: labels.status.get(c.status) ?? c.status,
        leader: c.leader ? labels.yes : labels.no,
      };
      rowLabels.set(key, l);
    }
    return l;
  };

  const clearFilters = () => {
    written.current = '';
    setQ('');
    navigate(toQuery({}, sort), { replace: true });
  };

  const toggleSort = (key: SortKey) => {
    const next: CadreSort | undefined = sort?.key !== key ? { key, desc: false } : !sort.desc ? { key, desc: true } : undefined;
    navigate(toQuery(latest.current.routeFilter, next), { replace: true });
  };

  const conditions = [
    filter.q && t('why.q', { q: filter.q }),
    filter.unit && t('why.unit', { unit: unitName.get(filter.unit) ?? filter.unit }),
    filter.peerGroup && t('why.peerGroup', { peerGroup: filter.peerGroup }),
    filter.category && t('why.category', { category: td(`category.${filter.category}`) }),
    filter.status && t('why.status', { status: td(`status.${filter.status}`) }),
  ].filter(Boolean);

  const vars = {
    '--cadre-list-border': token.colorBorderSecondary,
    '--cadre-list-head': token.colorFillAlter,
    '--cadre-list-hover': token.controlItemBgHover,
    '--cadre-list-text': token.colorText,
    '--cadre-list-secondary': token.colorTextSecondary,
    '--cadre-list-primary': token.colorPrimary,
  } as CSSProperties;
  const loading = cadres.loading && !list;

  return (
    <Card
      data-testid="cadres"
      styles={{ body: { paddingBottom: 8 } }}
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="cadre-new"
            onClick={() => navigate(filter.unit ? `/cadres/new?unit=${encodeURIComponent(filter.unit)}` : '/cadres/new')}
          >
            {t('newCadre')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setQ(v)}
          style={{ width: 200 }}
          data-testid="cadre-search"
        />
        <FilterSelects filter={routeFilter} units={unitList} scope={scopeProps} peerGroups={peerGroups} onChange={setFilter} />
        {hasFilter && (
          <Button onClick={clearFilters} data-testid="filter-clear">
            {t('filter.clear')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="cadre-count">
          {hasFilter ? tc('common.showing', { shown: shown.length, total: inScope }) : tc('common.total', { count: inScope })}
        </Typography.Text>
      </Space>
      {cadres.error && (
        <Alert type="error" showIcon title={pick(cadres.error.bilingual, i18n.language)} style={{ marginBottom: 12 }} />
      )}
      <div
        className="cadre-list"
        data-testid="cadre-table"
        role="table"
        aria-label={t('title')}
        aria-rowcount={shown.length + 1}
        aria-busy={loading}
        style={vars}
      >
        <div ref={scrollRef} className="cadre-list-scroll" style={{ height: bodyHeight + ROW_HEIGHT }}>
          <div role="row" className="cadre-list-head" style={{ gridTemplateColumns, minWidth }}>
            {columns.map((c) => {
              const active = c.sort && sort?.key === c.sort ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <div role="columnheader" key={c.key} aria-sort={c.sort ? (active ?? 'none') : undefined}>
                  {c.sort ? (
                    <button
                      type="button"
                      className="cadre-list-sort"
                      onClick={() => toggleSort(c.sort!)}
                      title={t('sort.by', { column: t(`field.${c.key}`) })}
                      data-testid={`cadre-sort-${c.sort}`}
                    >
                      <span>{t(`field.${c.key}`)}</span>
                      <span className="cadre-list-carets" aria-hidden>
                        <CaretUpOutlined className={active === 'ascending' ? 'on' : undefined} />
                        <CaretDownOutlined className={active === 'descending' ? 'on' : undefined} />
                      </span>
                    </button>
                  ) : (
                    t(`field.${c.key}`)
                  )}
                </div>
              );
            })}
          </div>
          {loading ? (
            <div className="cadre-list-state">
              <Spin />
            </div>
          ) : shown.length === 0 ? (
            <div className="cadre-list-state" data-testid="cadre-empty">
              {all.length === 0 ? (
                <Empty description={t('emptyLedger')}>
                  <Space>
                    <Button type="primary" onClick={() => navigate('/cadres/new')}>{t('newCadre')}</Button>
                    <Button onClick={() => navigate('/import')}>{t('goImport')}</Button>
                  </Space>
                </Empty>
              ) : inScope === 0 ? (
                // A township chosen in the header whose cadres have not arrived (or all moved away).
                <Empty description={tc(scope.entry?.self ? 'scope.noCadresSelf' : 'scope.noCadres', { name: scope.entry?.name ?? office })}>
                  <Button onClick={() => useOfficeScopeStore.getState().choose(ALL_OFFICES)} data-testid="cadre-scope-all">
                    {t('scopeAll')}
                  </Button>
                </Empty>
              ) : (
                <Empty description={t('emptyFiltered', { total: inScope, conditions: conditions.join(t('why.and')) })}>
                  <Button onClick={clearFilters}>{t('filter.clear')}</Button>
                </Empty>
              )}
            </div>
          ) : (
            <div role="rowgroup" className="cadre-list-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
              {virtualizer.getVirtualItems().map((v) => {
                const c = all[shown[v.index]];
                return (
                  <CadreRowView
                    key={c.id}
                    cadre={c}
                    top={v.start - ROW_HEIGHT}
                    index={v.index}
                    gridTemplateColumns={gridTemplateColumns}
                    officeName={several ? (officeNames.get(c.office) ?? c.office) : undefined}
                    unitName={unitName.get(c.unitId) ?? c.unitId}
                    labels={labelsOf(c)}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}
