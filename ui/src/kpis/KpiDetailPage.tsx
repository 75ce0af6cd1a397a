import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { PressedGroup } from '../shared/ui/PressedGroup';
import { KpiStatus } from './KpisPage';
import { useKpiDefinitions, useKpiSeries, useKpiValue } from './useKpis';
import { useMe, can } from '../shared/auth';
import { KpiFilterBar } from './KpiFilterBar';
import { KpiComparison } from './KpiComparison';
import { KpiCustomers } from './KpiCustomers';
import { PER_CUSTOMER_KPIS, filterQuery, filtersFrom } from './kpiFilters';

const SeriesChart = lazy(() => import('../shared/chart/SeriesChart').then((module) => ({ default: module.SeriesChart })));
const INTERVALS = ['day', 'week', 'month'] as const;
const VIEWS = ['chart', 'table'] as const;

/**
 * One KPI: value against target and the previous period, its definition in words, its series as chart or table,
 * and for score KPIs the customers behind the number (?interval=&view=&from=&to=&phase=&module=&segment=).
 */
export default function KpiDetailPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const interval = INTERVALS.find((candidate) => candidate === search.get('interval')) ?? 'week';
  const view = search.get('view') === 'table' ? 'table' : 'chart';
  const period = filtersFrom(search);
  const me = useMe();
  const definitions = useKpiDefinitions();
  const value = useKpiValue(key, period);
  const series = useKpiSeries(key, interval, period);
  const definition = definitions.data?.find((candidate) => candidate.key === key);
  usePageTitle(definition?.name ?? key);
  const points = useMemo(
    () => (series.data?.points ?? []).map((point) => ({ label: formatDate(point.from, i18n.language), value: point.value == null ? null : Number(point.value), sample: point.sampleSize })),
    [series.data, i18n.language],
  );
  const set = (name: string, next: string) => {
    const params = new URLSearchParams(search);
    params.set(name, next);
    setSearch(params, { replace: true });
  };
  const header = (
    <>
      <p>
        <Link to={`/kpis${filterQuery(period)}`}>{t('kpis.back')}</Link>
      </p>
      <h1>{definition?.name ?? key}</h1>
      <KpiFilterBar />
    </>
  );
  if (value.isError)
    return (
      <article>
        {header}
        <Failed error={value.error} retry={() => void value.refetch()} />
      </article>
    );
  return (
    <article>
      {header}
      {value.isPending ? (
        <Loading />
      ) : (
        <p>
          <span className="value" data-testid="kpi-value">
            {value.data.value == null ? t('kpis.noValue') : formatNumber(value.data.value, i18n.language, value.data.unit)}
          </span>{' '}
          <KpiStatus status={value.data.status} />
          {value.data.target && (
            <span className="muted">
              {' '}· {t('kpis.target')} {formatNumber(value.data.target.value, i18n.language, value.data.unit)}
            </span>
          )}
          <br />
          <span className="muted">
            {t('kpis.period')}: {formatDate(value.data.from, i18n.language)} – {formatDate(value.data.to, i18n.language)} · {t('kpis.sample')}{' '}
            {formatNumber(value.data.sampleSize, i18n.language)}
          </span>
        </p>
      )}
      {value.data && <KpiComparison kpiKey={key} current={value.data} filters={period} direction={definition?.direction} />}
      {definition && (
        <section aria-labelledby="definition-title">
          <h2 id="definition-title">{t('kpis.definition')}</h2>
          <p>{definition.description}</p>
          <p className="muted">
            {t('kpis.owners')}: {definition.owners.join(', ')}
            {definition.shared ? ` · ${t('kpis.shared')}` : ''}
          </p>
        </section>
      )}
      <section aria-labelledby="series-title">
        <h2 id="series-title">{t('kpis.series')}</h2>
        <div className="toolbar">
          <PressedGroup label={t('kpis.interval')} options={INTERVALS} value={interval} onChange={(option) => set('interval', option)}
            optionLabel={(option) => t(`kpis.${option}`)} />
          <PressedGroup label={`${t('kpis.chart')} / ${t('kpis.table')}`} options={VIEWS} value={view} onChange={(option) => set('view', option)}
            optionLabel={(option) => t(`kpis.${option}`)} />
        </div>
        {series.isPending ? (
          <Loading />
        ) : series.isError ? (
          <Failed error={series.error} retry={() => void series.refetch()} />
        ) : points.length === 0 ? (
          <Empty>{t('kpis.noValue')}</Empty>
        ) : view === 'chart' ? (
          <Suspense fallback={<Loading />}>
            <SeriesChart title={`${definition?.name ?? key} (${t(`kpis.${interval}`)})`} points={points} language={i18n.language} />
          </Suspense>
        ) : (
          <table data-testid="kpi-table">
            <caption className="visually-hidden">{definition?.name ?? key}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpis.period')}</th>
                <th scope="col">{t('kpis.value')}</th>
                <th scope="col">{t('kpis.sample')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.label}>
                  <td>{point.label}</td>
                  <td>{point.value == null ? '–' : formatNumber(point.value, i18n.language, value.data?.unit)}</td>
                  <td>{formatNumber(point.sample, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {PER_CUSTOMER_KPIS.includes(key) && can(me.data, 'customer-record:read') && (
        <KpiCustomers kpiKey={key} filters={period} title={definition?.name ?? key} />
      )}
    </article>
  );
}
