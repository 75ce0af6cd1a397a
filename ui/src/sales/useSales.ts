import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';

// The sales module's JSON as docs/modules/sales.md describes it (its OpenAPI description is being retyped).
export interface Lead {
  id: string; customerId: string | null; email: string | null; phone: string | null; firstName: string | null; lastName: string | null;
  company: string | null; source: string | null; status: string; erased: boolean; priority: 'high' | 'medium' | 'low';
  priorityReason: string; webVisits: number; createdAt: string;
}
export interface Deal {
  id: string; customerId: string | null; leadId: string | null; name: string; amount: number; stage: string;
  expectedCloseOn: string | null; openedAt: string; closedAt: string | null; wonReason: string | null; lostReason: string | null;
  /** Where a deal synced from a CRM came from; absent for deals made in Kreis. */
  crmOrigin?: { source: string; object: string; recordId: string | null };
}
export interface Order { id: string; externalId: string; customerId: string | null; amount: number; orderedAt: string }
export interface Subscription {
  id: string; customerId: string | null; plan: string | null; mrr: number; status: string; startedAt: string;
  cancelledAt: string | null; cancelReason: string | null;
}
type Page<T> = { items: T[]; nextCursor?: string | null };

export const OPEN_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation'] as const;

function usePaged<T>(key: unknown[], path: string, params: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam }) => api<Page<T>>(`${path}${query({ ...params, limit: 100, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useLeads = (params: { status: string; priority: string }) => usePaged<Lead>(['leads'], '/api/v1/sales/leads', params);
export const useOrders = () => usePaged<Order>(['orders'], '/api/v1/sales/orders', {});
export const useSubscriptions = (params: { status: string }) => usePaged<Subscription>(['subscriptions'], '/api/v1/sales/subscriptions', params);

/** The deals of the board: every open stage, plus those closed in the list's first pages. */
export function useDeals() {
  return useQuery({
    queryKey: ['deals'],
    queryFn: async () => {
      const all: Deal[] = [];
      let cursor: string | undefined;
      do {
        const page = await api<Page<Deal>>(`/api/v1/sales/deals${query({ limit: 200, cursor })}`);
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 2000);
      return all;
    },
  });
}

export function useMoveDeal() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: Record<string, unknown> }) =>
      api<Deal>(`/api/v1/sales/deals/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(change) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['deals'] }),
  });
}

export function useCreateDeal() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Deal>('/api/v1/sales/deals', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['deals'] }),
  });
}
