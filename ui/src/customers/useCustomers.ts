import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type CustomerSummary = Schema<'CustomerSummary'>;
type CustomerPage = Schema<'PageCustomerSummary'>;

const PAGE = 100;

/** Customers matching the search, page by page along the server's cursor. */
export function useCustomers(q: string) {
  return useInfiniteQuery({
    queryKey: ['customers', q],
    queryFn: ({ pageParam }) => api<CustomerPage>(`/api/v1/customers${query({ q, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
