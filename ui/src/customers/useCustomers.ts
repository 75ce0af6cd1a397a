import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type CustomerSummary = Schema<'CustomerSummary'>;
type CustomerPage = Schema<'PageCustomerSummary'>;

const PAGE = 100;

/** The server-side filters of the list, as they appear in the address. */
export interface CustomerFilter {
  q: string;
  kind: string;
  source: string;
}

/** Customers matching the search and filters, page by page along the server's cursor. */
export function useCustomers(filter: CustomerFilter) {
  return useInfiniteQuery({
    queryKey: ['customers', filter],
    queryFn: ({ pageParam }) => api<CustomerPage>(`/api/v1/customers${query({ ...filter, limit: PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
