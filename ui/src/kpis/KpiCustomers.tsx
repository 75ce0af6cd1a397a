import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { VirtualTable } from '../shared/ui/VirtualTable';
import type { KpiFilters } from './kpiFilters';
import { type KpiCustomer, useKpiCustomers } from './useKpis';

/**
 * The customers behind a score KPI's number: their answers in the period, mean and latest score, worst
 * first; a virtualized list that asks for the next 50 when scrolled near its end.
 */
export function KpiCustomers({ kpiKey, filters, title }: { kpiKey: string; filters: KpiFilters; title: string }) {
  const { t, i18n } = useTranslation();
  const customers = useKpiCustomers(kpiKey, filters, true);
  const rows = useMemo(() => customers.data?.pages.flatMap((page) => page.items) ?? [], [customers.data]);
  const columns = useMemo<ColumnDef<KpiCustomer, unknown>[]>(
    () => [
      {
        header: t('kpiView.customer'),
        accessorKey: 'displayName',
        cell: ({ row }) => <Link to={`/customers/${row.original.customerId}`}>{row.original.displayName || t('customers.unnamed')}</Link>,
      },
      { header: t('kpiView.answers'), accessorKey: 'answers', cell: ({ getValue }) => formatNumber(getValue() as number, i18n.language) },
      { header: t('kpiView.mean'), accessorKey: 'meanScore', cell: ({ getValue }) => formatNumber(getValue() as number, i18n.language) },
      {
        header: t('kpiView.last'),
        accessorKey: 'lastScore',
        cell: ({ row }) => `${formatNumber(row.original.lastScore, i18n.language)} · ${formatDateTime(row.original.lastAnsweredAt, i18n.language)}`,
      },
    ],
    [t, i18n.language],
  );
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
        <div data-testid="kpi-customers">
          <VirtualTable
            label={`${t('kpiView.customers')}: ${title}`}
            data={rows}
            columns={columns}
            onNearEnd={() => {
              if (customers.hasNextPage && !customers.isFetchingNextPage) void customers.fetchNextPage();
            }}
          />
        </div>
      )}
    </section>
  );
}
