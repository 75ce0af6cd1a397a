import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { components } from '../shared/api/schema';

export type Ticket = components['schemas']['Ticket'];
export type HistoryEntry = components['schemas']['TicketHistoryEntry'];
export type SlaPolicy = components['schemas']['SlaPolicy'];
type Page<T> = { items: T[]; nextCursor?: string | null };

export function useTickets(filter: { status: string; priority: string; breached: string; customerId: string }) {
  return useInfiniteQuery({
    queryKey: ['tickets', filter],
    queryFn: ({ pageParam }) => api<Page<Ticket>>(`/api/v1/support/tickets${query({ ...filter, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ['tickets', 'one', id], queryFn: () => api<Ticket>(`/api/v1/support/tickets/${encodeURIComponent(id)}`) });
}

export function useTicketHistory(id: string) {
  return useQuery({
    queryKey: ['tickets', 'one', id, 'history'],
    queryFn: () => api<Page<HistoryEntry>>(`/api/v1/support/tickets/${encodeURIComponent(id)}/history?limit=200`),
  });
}

export function useSlaPolicies() {
  return useQuery({ queryKey: ['sla-policies'], queryFn: () => api<{ items: SlaPolicy[] } | SlaPolicy[]>('/api/v1/support/sla-policies'),
    select: (data) => (Array.isArray(data) ? data : data.items) });
}

export function useSaveSlaPolicy() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ priority, firstResponseMinutes, resolutionMinutes }: { priority: string; firstResponseMinutes: number; resolutionMinutes: number }) =>
      api<SlaPolicy>(`/api/v1/support/sla-policies/${priority}`, { method: 'PUT', body: JSON.stringify({ firstResponseMinutes, resolutionMinutes }) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
}

/** Any write on a ticket: open, change, contact, response, resolve. */
export function useTicketWrite() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: string; body?: unknown }) =>
      api<Ticket>(`/api/v1/support/tickets${path}`, { method, body: JSON.stringify(body ?? {}) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tickets'] }),
  });
}
