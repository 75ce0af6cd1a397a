import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';

// The marketing module's JSON as docs/modules/marketing.md describes it.
export interface Campaign {
  id: string; name: string; channel: string; purpose: string; startsOn: string | null; endsOn: string | null; budget: number | null;
  audience: { type: 'list' | 'segment'; size?: number; filter?: Record<string, string> };
  createdAt: string; refreshedAt: string | null;
}
export interface Member {
  customerId: string; status: 'included' | 'excluded'; reason: string | null; reasons: string[];
  holds: { placedBy: string; reference: string; reason: string; placedAt: string }[]; addedAt: string;
}
type Page<T> = { items: T[]; nextCursor?: string | null };

export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: ['campaigns'],
    queryFn: ({ pageParam }) => api<Page<Campaign>>(`/api/v1/marketing/campaigns${query({ limit: 100, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMembers(id: string, status: string) {
  return useInfiniteQuery({
    queryKey: ['campaigns', id, 'members', status],
    queryFn: ({ pageParam }) => api<Page<Member>>(`/api/v1/marketing/campaigns/${encodeURIComponent(id)}/members${query({ status, limit: 100, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

export function useCreateCampaign() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Campaign>('/api/v1/marketing/campaigns', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useRefreshMembers() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ members: number; included: number; excluded: number; skipped: number }>(`/api/v1/marketing/campaigns/${encodeURIComponent(id)}/members/refresh`, { method: 'POST' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** A marketing KPI over the last 30 days (e-mail opens and clicks, web visits). */
export function useActivity(key: string) {
  return useQuery({
    queryKey: ['kpis', key, 'value', 'last30'],
    queryFn: () => api<{ value?: number | null; unit?: string; sampleSize?: number }>(`/api/v1/kpis/${encodeURIComponent(key)}`),
    retry: false,
  });
}

/** GET /api/v1/marketing/campaigns/{id}/activity: e-mail event counts per kind and web visits linked to the campaign. */
export interface CampaignActivityCounts {
  campaignId: string;
  email: { event: string; type: string; events: number; customers: number }[];
  lastEmailEventAt: string | null;
  web: { taggedVisits: number; taggedVisitors: number; memberVisits: number; memberVisitors: number; from: string; to: string };
  computedAt: string;
}

export function useCampaignActivity(id: string) {
  return useQuery({
    queryKey: ['campaigns', id, 'activity'],
    queryFn: () => api<CampaignActivityCounts>(`/api/v1/marketing/campaigns/${encodeURIComponent(id)}/activity`),
    enabled: id !== '',
  });
}
