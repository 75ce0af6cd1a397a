import { useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type KpiDefinition = Schema<'DefinitionView'>;
export type KpiValue = Schema<'ValueView'>;
export type KpiSeries = Schema<'SeriesView'>;

export function useKpiDefinitions() {
  return useQuery({ queryKey: ['kpis'], queryFn: () => api<KpiDefinition[]>('/api/v1/kpis') });
}

export function useKpiValue(key: string, period: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: ['kpis', key, 'value', period],
    queryFn: () => api<KpiValue>(`/api/v1/kpis/${encodeURIComponent(key)}${query(period)}`),
  });
}

export function useKpiSeries(key: string, interval: string, period: { from?: string; to?: string } = {}) {
  return useQuery({
    queryKey: ['kpis', key, 'series', interval, period],
    queryFn: () => api<KpiSeries>(`/api/v1/kpis/${encodeURIComponent(key)}/series${query({ interval, ...period })}`),
  });
}
