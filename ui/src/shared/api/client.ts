/** The one way the UI talks to Kreis: same-origin, the session cookie, and the CSRF header on writes. */
export const CSRF_HEADER = 'X-Kreis-CSRF';

/** An RFC 9457 problem detail, as Kreis answers every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status() {
    return this.problem.status;
  }
}

/** Called when the session has ended (401): the app shows the sign-in page. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (method !== 'GET' && method !== 'HEAD') {
    headers.set(CSRF_HEADER, '1');
  }
  if (init.body !== undefined && typeof init.body === 'string' && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  if (response.status === 401) {
    onSignedOut();
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError({ status: response.status, ...problem });
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Signs in through the form endpoint: true on 200, false on 401. */
export async function signIn(username: string, password: string): Promise<boolean> {
  const body = new URLSearchParams({ j_username: username, j_password: password });
  const response = await fetch('/j_security_check', {
    method: 'POST',
    body,
    headers: { [CSRF_HEADER]: '1' },
    credentials: 'same-origin',
  });
  if (response.ok) {
    return true;
  }
  if (response.status === 401) {
    return false;
  }
  throw new ApiError({ status: response.status, ...(await response.json().catch(() => ({}))) });
}

/** How the browser signs in (GET /auth/options, open to everyone): local accounts or Keycloak. */
export interface SignInOptions {
  mode: 'local' | 'keycloak';
  /** keycloak: the path that starts the authorization-code flow (takes ?next=/path). */
  signIn?: string;
  /** keycloak: the path that ends the session at Kreis and at Keycloak, then shows /login. */
  signOut?: string;
}

export async function signInOptions(): Promise<SignInOptions> {
  const response = await fetch('/auth/options', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new ApiError({ status: response.status, ...(await response.json().catch(() => ({}))) });
  }
  return (await response.json()) as SignInOptions;
}

/** The address that starts "Sign in with Keycloak" and comes back to next. */
export function keycloakSignInUrl(options: SignInOptions, next: string): string {
  return `${options.signIn ?? '/auth/keycloak/sign-in'}?next=${encodeURIComponent(next)}`;
}

export function signOut(): Promise<void> {
  return api<void>('/api/v1/session', { method: 'DELETE' });
}
