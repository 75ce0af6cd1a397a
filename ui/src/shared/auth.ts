import { useQuery } from '@tanstack/react-query';
import { api, signInOptions } from './api/client';
import type { Schema } from './api/types';

export type Me = Schema<'Me'>;

export const ME_KEY = ['me'];

/** The signed-in caller (from /api/v1/me); null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api<Me>('/api/v1/me');
      } catch (error) {
        if ((error as { status?: number }).status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the caller holds a permission, e.g. "identity-resolution:write". */
export function can(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions?.includes(permission);
}

export const SIGN_IN_OPTIONS_KEY = ['sign-in-options'];

/** How this Kreis signs browsers in (local accounts or Keycloak); fixed for a run of the server. */
export function useSignInOptions() {
  return useQuery({ queryKey: SIGN_IN_OPTIONS_KEY, queryFn: signInOptions, staleTime: Infinity });
}
