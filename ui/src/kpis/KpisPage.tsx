import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../shared/api/client';
import { KpiFilterBar } from './KpiFilterBar';
import { type KpiFilters, filterQuery, filtersFrom } from './kpiFilters';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../shared/format';
import { usePageTitle } from '../shared/usePageTitle';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { type KpiDefinition, useKpiDefinitions, useKpiValue } from './useKpis';

export function KpiStatus({ status }: { status?: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <span className={`status-${status}`}>{t(`kpis.statuses.${status}`, { defaultValue: status })}</span>;
}

function KpiCard({ kpi, filters }: { kpi: KpiDefinition; filters: KpiFilters }) {
  const { t, i18n } = useTranslation();
  const value = useKpiValue(kpi.key, filters);
  return (
    <li className="card">
      <h2>
        <Link to={`/kpis/${encodeURIComponent(kpi.key)}${filterQuery(filters)}`}>{kpi.name}</Link>
      </h2>
      {value.isPending ? (
        <Loading />
      ) : value.isError && value.error instanceof ApiError && value.error.status === 422 ? (
        <p className="muted">{t('kpiView.notApplicable')}</p>
      ) : value.isError ? (
        <Failed error={value.error} />
      ) : (
        <p>
          <span className="value">{value.data.value == null ? t('kpis.noValue') : formatNumber(value.data.value, i18n.language, value.data.unit)}</span>{' '}
          <KpiStatus status={value.data.status} />
        </p>
      )}
      <p className="muted">{kpi.description}</p>
    </li>
  );
}

/** Every KPI with its current value and target status under the filters in the address; each opens its detail with the same filters. */
export default function KpisPage() {
  const { t } = useTranslation();
  usePageTitle(t('kpis.title'));
  const kpis = useKpiDefinitions();
  const [search] = useSearchParams();
  const filters = filtersFrom(search);
  return (
    <section>
      <h1>{t('kpis.title')}</h1>
      <KpiFilterBar />
      {kpis.isPending ? (
        <Loading />
      ) : kpis.isError ? (
        <Failed error={kpis.error} retry={() => void kpis.refetch()} />
      ) : kpis.data.length === 0 ? (
        <Empty>{t('kpis.empty')}</Empty>
      ) : (
        <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
          {kpis.data.map((kpi) => (
            <KpiCard key={kpi.key} kpi={kpi} filters={filters} />
          ))}
        </ul>
      )}
    </section>
  );
}
