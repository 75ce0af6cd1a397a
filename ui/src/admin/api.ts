import { useQuery } from '@tanstack/react-query';
import { api, query } from '../shared/api/client';
import type { Schema } from '../shared/api/types';

export type Module = Schema<'ModuleView'>;
export type Setting = Schema<'SettingView'>;
export type User = Schema<'UserView'>;
export type Token = Schema<'TokenView'>;
export type AuditEntry = Schema<'AuditEntry'>;
export type Connection = Schema<'Connection'>;
export type SyncRun = Schema<'SyncRun'>;
export type DeadLetter = Schema<'DeadLetter'>;
export type Policies = Schema<'PoliciesDto'>;

/** What uninstalling with purge would delete (GET /api/v1/modules/{id}/purge-preview). */
export type PurgePreview = Schema<'PurgePreview'>;

export const ROLES = ['admin', 'cx-manager', 'marketing', 'sales', 'support', 'viewer', 'integration'] as const;

export function useModules() {
  return useQuery({ queryKey: ['admin', 'modules'], queryFn: () => api<{ items: Module[]; coreVersion: string }>('/api/v1/modules') });
}

export function usePurgePreview(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'purge-preview', id],
    queryFn: () => api<PurgePreview>(`/api/v1/modules/${encodeURIComponent(id ?? '')}/purge-preview`),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useUsers() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: () => api<{ items: User[] }>('/api/v1/users?limit=200') });
}

export function useTokens() {
  return useQuery({ queryKey: ['admin', 'tokens'], queryFn: () => api<{ items: Token[] }>('/api/v1/tokens?limit=200') });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export function useAudit(filter: AuditFilter, cursor: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'audit', filter, cursor],
    queryFn: () => api<{ items: AuditEntry[]; nextCursor: string | null }>(`/api/v1/audit${query({ ...filter, limit: 50, cursor })}`),
  });
}

export function useConnections() {
  return useQuery({ queryKey: ['admin', 'connections'], queryFn: () => api<{ items: Connection[] }>('/api/v1/connections') });
}

export function useRuns(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'runs', id],
    queryFn: () => api<{ items: SyncRun[] }>(`/api/v1/connections/${id}/runs`),
    enabled: !!id,
    // a run started here goes on in the background: ask again until none is running
    refetchInterval: (q) => (q.state.data?.items.some((run) => run.status === 'running') ? 1000 : false),
  });
}

/** A connection's field mapping and conflict policies (GET /api/v1/connections/{id}/mapping). */
export type ConnectionMapping = Schema<'ConnectionMapping'>;
export type ConnectionMappingField = Schema<'ConnectionMappingField'>;

export function useConnectionMapping(id: string) {
  return useQuery({ queryKey: ['admin', 'mapping', id], queryFn: () => api<ConnectionMapping>(`/api/v1/connections/${id}/mapping`) });
}

export function useDeadLetters(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'dead-letters', id],
    queryFn: () => api<{ items: DeadLetter[] }>(`/api/v1/connections/${id}/dead-letters`),
    enabled: !!id,
  });
}

/** The message of a failed request, with each named field of an RFC 9457 problem. */
export function problemLines(error: unknown): string[] {
  const problem = (error as { problem?: { detail?: string; title?: string; errors?: { field: string; message: string }[] } }).problem;
  if (problem?.errors?.length) return problem.errors.map((e) => `${e.field}: ${e.message}`);
  return [problem?.detail ?? problem?.title ?? (error as Error)?.message ?? String(error)];
}
