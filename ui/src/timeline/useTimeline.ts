import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Touchpoint = Schema<'TouchpointView'>;
type TouchpointPage = Schema<'PageTouchpointView'>;

/** The filters of the timeline, as they appear in the address. */
export const TIMELINE_FILTERS = ['channel', 'module', 'type', 'phase', 'from', 'to'] as const;
export type TimelineFilter = Partial<Record<(typeof TIMELINE_FILTERS)[number], string>>;

const PAGE = 50;

/** One customer's touchpoints from every module, newest first, along the server's cursor. */
export function useTimeline(customerId: string, filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: ['timeline', customerId, filter],
    queryFn: ({ pageParam }) =>
      api<TouchpointPage>(`/api/v1/customers/${encodeURIComponent(customerId)}/timeline${query({ ...filter, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
