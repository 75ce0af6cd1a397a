import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';
import type { KpiFilters } from './kpiFilters';

export type KpiDefinition = Schema<'DefinitionView'>;
export type KpiValue = Schema<'ValueView'>;
export type KpiSeries = Schema<'SeriesView'>;

export function useKpiDefinitions() {
  return useQuery({ queryKey: ['kpis'], queryFn: () => api<KpiDefinition[]>('/api/v1/kpis') });
}

export function useKpiValue(key: string, period: KpiFilters = {}, enabled = true) {
  return useQuery({
    queryKey: ['kpis', key, 'value', period],
    queryFn: () => api<KpiValue>(`/api/v1/kpis/${encodeURIComponent(key)}${query(period)}`),
    enabled,
  });
}

export function useKpiSeries(key: string, interval: string, period: KpiFilters = {}) {
  return useQuery({
    queryKey: ['kpis', key, 'series', interval, period],
    queryFn: () => api<KpiSeries>(`/api/v1/kpis/${encodeURIComponent(key)}/series${query({ interval, ...period })}`),
  });
}

export type KpiCustomer = Schema<'KpiCustomerView'>;
type KpiCustomerPage = Schema<'KpiCustomerPage'>;

/** The customers behind a score KPI over the same period and filters, worst mean first, along the server's cursor. */
export function useKpiCustomers(key: string, filters: KpiFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['kpis', key, 'customers', filters],
    queryFn: ({ pageParam }) => api<KpiCustomerPage>(`/api/v1/kpis/${encodeURIComponent(key)}/customers${query({ ...filters, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
