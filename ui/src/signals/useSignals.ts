import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

/** A task; dueOn is read with a fallback until every server answers it. */
export type Task = Omit<Schema<'TaskView'>, 'dueOn'> & { dueOn?: string | null };
export type Rule = Schema<'RuleView'>;
/** The body of a rule as the builder sends it (createSignalRule, replaceSignalRule, backtestSignalRule). */
export interface RuleRequest {
  name: string;
  enabled: boolean;
  trigger: { type: string };
  condition: { kind: string; min?: number | null; max?: number | null; count?: number | null; window?: string; period?: string };
  action: { kind: string; department?: string; title?: string; priority?: string; tag?: string };
}
export type Backtest = { from: string; to: string; firings: number; customers: number };
type Page<T> = { items: T[]; nextCursor?: string | null };

export function useTasks(filter: { department: string; status: string }) {
  return useInfiniteQuery({
    queryKey: ['tasks', filter],
    queryFn: ({ pageParam }) => api<Page<Task>>(`/api/v1/tasks${query({ ...filter, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useChangeTask() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: { status: string; assignee?: string | null; note?: string | null; dueOn?: string | null } }) =>
      api<Task>(`/api/v1/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(change) }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

export function useRules() {
  return useQuery({ queryKey: ['signal-rules'], queryFn: () => api<Page<Rule>>('/api/v1/signals/rules?limit=200') });
}

export function useTouchpointTypes() {
  return useQuery({
    queryKey: ['touchpoint-types'],
    queryFn: () => api<Schema<'TypeView1'>[] | Page<Schema<'TypeView1'>>>('/api/v1/touchpoint-types'),
    select: (data) => (Array.isArray(data) ? data : data.items),
    staleTime: 300_000,
  });
}

export function useSaveRule() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RuleRequest }) =>
      api<Rule>(id ? `/api/v1/signals/rules/${encodeURIComponent(id)}` : '/api/v1/signals/rules', {
        method: id ? 'PUT' : 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['signal-rules'] }),
  });
}

export function useDeleteRule() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/signals/rules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['signal-rules'] }),
  });
}

export function useBacktest() {
  return useMutation({
    mutationFn: (body: RuleRequest) => api<Backtest>('/api/v1/signals/backtest', { method: 'POST', body: JSON.stringify(body) }),
  });
}
