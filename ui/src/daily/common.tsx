// Pieces the daily-work pages (surveys, tasks, signals, support, sales, marketing) share.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/client';
import { can, useMe } from '../shared/auth';
import './daily.css';

/** One value kept in the address (?key=value), so a reload or a shared link shows the same view. */
export function useUrlParam(key: string, fallback = ''): [string, (value: string | null) => void] {
  const [search, setSearch] = useSearchParams();
  const value = search.get(key) ?? fallback;
  const set = useCallback(
    (next: string | null) => {
      setSearch(
        (current) => {
          const params = new URLSearchParams(current);
          if (next === null || next === '') params.delete(key);
          else params.set(key, next);
          return params;
        },
        { replace: true },
      );
    },
    [key, setSearch],
  );
  return [value, set];
}

/** Whether the signed-in user holds the permission (the server decides; the UI only hides). */
export function useCan(permission: string): boolean {
  return can(useMe().data, permission);
}

/** A write that failed, in words: each invalid field named, or the problem's detail. */
export function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div className="state error" role="alert">
      {problem?.status === 403 ? (
        <p>{t('state.forbidden')}</p>
      ) : problem?.errors?.length ? (
        <ul>
          {problem.errors.map((field) => (
            <li key={field.field + field.message}>
              <code>{field.field}</code> {field.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('state.error', { message: (error as Error).message })}</p>
      )}
    </div>
  );
}

/** The note for readers: this department's records are written by it; others read. */
export function ReadOnlyNote({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <p className="hint" data-testid="read-only">{t('daily.readOnly')}</p> : null;
}

/** Minutes until (positive) or since (negative) a time, in words: "in 2 h 5 min", "3 h 10 min overdue". */
export function countdown(due: string, now: number, language: string): { text: string; overdue: boolean } {
  const minutes = Math.round((new Date(due).getTime() - now) / 60_000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const rest = abs % 60;
  const parts = [days ? `${days} d` : '', hours ? `${hours} h` : '', `${rest} min`].filter(Boolean).join(' ');
  const overdue = minutes < 0;
  if (language === 'de') return { text: overdue ? `${parts} überfällig` : `noch ${parts}`, overdue };
  return { text: overdue ? `${parts} overdue` : `in ${parts}`, overdue };
}
