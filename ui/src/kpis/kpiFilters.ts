/** The KPI pages' period and filters, as they stand in the address (?from=&to=&phase=&module=&segment=). */
export type KpiFilters = {
  from?: string;
  to?: string;
  phase?: string;
  module?: string;
  segment?: string;
};

export const FILTER_NAMES = ['from', 'to', 'phase', 'module', 'segment'] as const;
export const MODULES = ['core', 'feedback', 'marketing', 'sales', 'support'] as const;
export const SEGMENTS = ['kind:person', 'kind:organisation'] as const;
/**
 * The KPIs with a list of the customers behind the number, and what that list shows: their answers (score KPIs),
 * their recurring revenue at the period's start and end (the revenue-retention cohort) or their orders.
 */
export const DRILL_DOWN: Record<string, 'answers' | 'revenue' | 'orders'> = {
  nps: 'answers', csat: 'answers', csat_mean: 'answers', ces: 'answers', ces_share_easy: 'answers',
  nrr: 'revenue', grr: 'revenue', churn_rate: 'revenue', retention_rate: 'revenue', clv: 'revenue',
  repurchase_rate: 'orders',
};
export const PER_CUSTOMER_KPIS = Object.keys(DRILL_DOWN);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFrom(search: URLSearchParams): KpiFilters {
  const filters: KpiFilters = {};
  for (const name of FILTER_NAMES) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The filters as a query string for links between the KPI pages ('' when none is set). */
export function filterQuery(filters: KpiFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (filters[name]) params.set(name, filters[name]!);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The period of the same length right before [from, to): what a KPI is compared with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } | null {
  if (!DAY.test(from) || !DAY.test(to)) return null;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  if (days <= 0) return null;
  return { from: addDays(from, -days), to: from };
}

/** How the value moved against the previous one, judged by the KPI's direction. */
export function trend(current: number | null | undefined, previous: number | null | undefined, direction: string | undefined): 'better' | 'worse' | 'same' | null {
  if (current == null || previous == null) return null;
  if (current === previous) return 'same';
  const higher = current > previous;
  return (direction === 'lower_is_better' ? !higher : higher) ? 'better' : 'worse';
}
