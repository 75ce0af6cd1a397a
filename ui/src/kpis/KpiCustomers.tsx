import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../shared/format';
import { Empty, Failed, Loading } from '../shared/ui/States';
import { VirtualTable } from '../shared/ui/VirtualTable';
import { DRILL_DOWN, type KpiFilters } from './kpiFilters';
import { type KpiCustomer, useKpiCustomers } from './useKpis';

/**
 * The customers behind a per-customer KPI's number, worst first: for score KPIs their answers in the period,
 * mean and latest score; for revenue KPIs their recurring revenue at the start and end and what happened to
 * it; for the repurchase rate their orders. A virtualized list that asks for the next 50 when scrolled near
 * its end.
 */
export function KpiCustomers({ kpiKey, filters, title }: { kpiKey: string; filters: KpiFilters; title: string }) {
  const { t, i18n } = useTranslation();
  const customers = useKpiCustomers(kpiKey, filters, true);
  const rows = useMemo(() => customers.data?.pages.flatMap((page) => page.items) ?? [], [customers.data]);
  const basis = DRILL_DOWN[kpiKey] ?? 'answers';
  const columns = useMemo<ColumnDef<KpiCustomer, unknown>[]>(() => {
    const number = (value: number | null | undefined) => (value == null ? '–' : formatNumber(value, i18n.language));
    const customer: ColumnDef<KpiCustomer, unknown> = {
      header: t('kpiView.customer'),
      accessorKey: 'displayName',
      cell: ({ row }) => <Link to={`/customers/${row.original.customerId}`}>{row.original.displayName || t('customers.unnamed')}</Link>,
    };
    if (basis === 'revenue') {
      return [
        customer,
        { header: t('kpiView.startMrr'), accessorKey: 'startMrr', cell: ({ row }) => number(row.original.startMrr) },
        { header: t('kpiView.endMrr'), accessorKey: 'endMrr', cell: ({ row }) => number(row.original.endMrr) },
        { header: t('kpiView.outcome'), accessorKey: 'outcome', cell: ({ row }) => (row.original.outcome ? t(`kpiView.outcomes.${row.original.outcome}`) : '–') },
      ];
    }
    if (basis === 'orders') {
      return [
        customer,
        { header: t('kpiView.orders'), accessorKey: 'orders', cell: ({ row }) => number(row.original.orders) },
        { header: t('kpiView.orderRevenue'), accessorKey: 'orderRevenue', cell: ({ row }) => number(row.original.orderRevenue) },
      ];
    }
    return [
      customer,
      { header: t('kpiView.answers'), accessorKey: 'answers', cell: ({ row }) => number(row.original.answers) },
      { header: t('kpiView.mean'), accessorKey: 'meanScore', cell: ({ row }) => number(row.original.meanScore) },
      {
        header: t('kpiView.last'),
        accessorKey: 'lastScore',
        cell: ({ row }) => `${number(row.original.lastScore)} · ${row.original.lastAnsweredAt ? formatDateTime(row.original.lastAnsweredAt, i18n.language) : '–'}`,
      },
    ];
  }, [t, i18n.language, basis]);
  return (
    <section aria-labelledby="kpi-customers-title">
      <h2 id="kpi-customers-title">{t('kpiView.customers')}</h2>
      <p className="muted">{t(`kpiView.customersHint.${basis}`)}</p>
      {customers.isPending ? (
        <Loading />
      ) : customers.isError ? (
        <Failed error={customers.error} retry={() => void customers.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{t(`kpiView.noCustomers.${basis}`)}</Empty>
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
