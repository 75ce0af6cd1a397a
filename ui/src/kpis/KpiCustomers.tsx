import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import type { KpiFilters } from './kpiFilters';
import { useKpiCustomers } from './useKpis';

/** The customers behind a score KPI's number: their answers in the period, mean and latest score, worst first. */
export function KpiCustomers({ kpiKey, filters, title }: { kpiKey: string; filters: KpiFilters; title: string }) {
  const { t, i18n } = useTranslation();
  const customers = useKpiCustomers(kpiKey, filters, true);
  const rows = customers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="kpi-customers-title">
      <h2 id="kpi-customers-title">{t('kpiView.customers')}</h2>
      <p className="muted">{t('kpiView.customersHint')}</p>
      {customers.isPending ? (
        <Loading />
      ) : customers.isError ? (
        <Failed error={customers.error} retry={() => void customers.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t('kpiView.noCustomers')}</Empty>
      ) : (
        <>
          <table data-testid="kpi-customers">
            <caption className="visually-hidden">{`${t('kpiView.customers')}: ${title}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpiView.customer')}</th>
                <th scope="col">{t('kpiView.answers')}</th>
                <th scope="col">{t('kpiView.mean')}</th>
                <th scope="col">{t('kpiView.last')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.customerId}>
                  <td>
                    <Link to={`/customers/${row.customerId}`}>{row.displayName || t('customers.unnamed')}</Link>
                  </td>
                  <td>{formatNumber(row.answers, i18n.language)}</td>
                  <td>{formatNumber(row.meanScore, i18n.language)}</td>
                  <td>
                    {formatNumber(row.lastScore, i18n.language)} <span className="muted">· {formatDateTime(row.lastAnsweredAt, i18n.language)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {customers.hasNextPage && (
            <button type="button" disabled={customers.isFetchingNextPage} onClick={() => void customers.fetchNextPage()}>
              {t('kpiView.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
