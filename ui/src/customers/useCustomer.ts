import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type CustomerView = Schema<'CustomerView'>;
export type IdentityEvent = Schema<'EventRow'>;
export type Hold = Schema<'Hold'>;

export function useCustomer(id: string) {
  return useQuery({ queryKey: ['customer', id], queryFn: () => api<CustomerView>(`/api/v1/customers/${encodeURIComponent(id)}`) });
}

export function useIdentityHistory(id: string) {
  return useQuery({
    queryKey: ['customer', id, 'identity-history'],
    queryFn: () => api<IdentityEvent[]>(`/api/v1/customers/${encodeURIComponent(id)}/identity-history`),
  });
}

export function useHolds(id: string) {
  return useQuery({ queryKey: ['customer', id, 'holds'], queryFn: () => api<Hold[]>(`/api/v1/customers/${encodeURIComponent(id)}/holds`) });
}

type CustomerId = Schema<'CustomerIdResponse'>;

/** Merge and split change several customers at once: every customer view and timeline is read again. */
export function useIdentityChange() {
  const queries = useQueryClient();
  const settle = () => Promise.all([queries.invalidateQueries({ queryKey: ['customer'] }), queries.invalidateQueries({ queryKey: ['timeline'] }), queries.invalidateQueries({ queryKey: ['customers'] })]);
  const merge = useMutation({
    mutationFn: ({ into, others }: { into: string; others: string[] }) =>
      api<CustomerId>(`/api/v1/customers/${into}/merge`, { method: 'POST', body: JSON.stringify({ customerIds: others }) }),
    onSuccess: settle,
  });
  const split = useMutation({
    mutationFn: ({ from, profileIds }: { from: string; profileIds: string[] }) =>
      api<CustomerId>(`/api/v1/customers/${from}/split`, { method: 'POST', body: JSON.stringify({ profileIds }) }),
    onSuccess: settle,
  });
  return { merge, split };
}
