import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Suggestion = Schema<'SuggestionView'>;
type SuggestionPage = Schema<'PageSuggestionView'>;

/** Open merge suggestions, best first, along the server's cursor. */
export function useMergeSuggestions() {
  return useInfiniteQuery({
    queryKey: ['merge-suggestions'],
    queryFn: ({ pageParam }) => api<SuggestionPage>(`/api/v1/merge-suggestions${query({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Merging a pair (the second into the first) or dismissing it; several at once one after the other. */
export function useSuggestionDecisions() {
  const queries = useQueryClient();
  const settle = () => Promise.all([queries.invalidateQueries({ queryKey: ['merge-suggestions'] }), queries.invalidateQueries({ queryKey: ['customer'] })]);
  const merge = useMutation({
    mutationFn: async (suggestions: Suggestion[]) => {
      for (const suggestion of suggestions) {
        const [into, ...others] = suggestion.customers.map((customer) => customer.id);
        await api(`/api/v1/customers/${into}/merge`, { method: 'POST', body: JSON.stringify({ customerIds: others }) });
      }
    },
    onSettled: settle,
  });
  const dismiss = useMutation({
    mutationFn: async (suggestions: Suggestion[]) => {
      for (const suggestion of suggestions) {
        await api(`/api/v1/merge-suggestions/${suggestion.id}/dismiss`, { method: 'POST' });
      }
    },
    onSettled: settle,
  });
  return { merge, dismiss };
}
