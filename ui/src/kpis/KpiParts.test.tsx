import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import { KpiComparison } from './KpiComparison';
import { KpiCustomers } from './KpiCustomers';
import type { KpiValue } from './useKpis';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderWith(element: React.ReactNode, answer: (url: string) => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => answer(String(input)));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

describe('KPI parts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('compares with the period of the same length before, with the same filters, and judges the change by the direction', async () => {
    const current = { key: 'churn_rate', from: '2031-02-01', to: '2031-03-01', value: 4, unit: 'score', sampleSize: 10 } as unknown as KpiValue;
    const fetch = renderWith(<KpiComparison kpiKey="churn_rate" current={current} filters={{ segment: 'kind:person' }} direction="lower_is_better" />,
      () => json({ key: 'churn_rate', from: '2031-01-04', to: '2031-02-01', value: 6, unit: 'score' }));
    const comparison = await screen.findByTestId('kpi-comparison');
    expect(comparison).toHaveTextContent('-2 (better)');
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/kpis/churn_rate?segment=kind%3Aperson&from=2031-01-04&to=2031-02-01');
  });

  it('lists the customers behind the number, each opening its 360', async () => {
    // jsdom lays nothing out: the virtualized list's scroll area is given the height of a screen.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    const fetch = renderWith(<KpiCustomers kpiKey="nps" filters={{ phase: 'retention' }} title="NPS" />, () =>
      json({ items: [{ customerId: 'c1', displayName: 'Anna', answers: 2, meanScore: 4, lastScore: 2, lastAnsweredAt: '2031-01-02T00:00:00Z' }], nextCursor: null }));
    expect(await screen.findByRole('link', { name: 'Anna' })).toHaveAttribute('href', '/customers/c1');
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/kpis/nps/customers?phase=retention&limit=50');
  });

  it('lists the paying cohort behind a revenue KPI with its recurring revenue and what happened to it', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    const fetch = renderWith(<KpiCustomers kpiKey="churn_rate" filters={{ segment: 'kind:person' }} title="Churn" />, () =>
      json({
        items: [{ customerId: 'c2', displayName: 'Berta', kind: 'person', basis: 'revenue', answers: null, meanScore: null, lastScore: null,
          lastAnsweredAt: null, startMrr: 99, endMrr: 0, outcome: 'churned', orders: null, orderRevenue: null }],
        nextCursor: null,
      }));
    expect(await screen.findByRole('link', { name: 'Berta' })).toHaveAttribute('href', '/customers/c2');
    expect(screen.getByRole('columnheader', { name: 'MRR at the start' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Berta/ })).toHaveTextContent('Berta990churned');
    expect(screen.queryByRole('columnheader', { name: 'Answers' })).toBeNull();
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/kpis/churn_rate/customers?segment=kind%3Aperson&limit=50');
  });

  it('lists the customers behind the repurchase rate with their orders', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    renderWith(<KpiCustomers kpiKey="repurchase_rate" filters={{}} title="Repurchase" />, () =>
      json({
        items: [{ customerId: 'c3', displayName: 'Carl', kind: 'person', basis: 'orders', answers: null, meanScore: null, lastScore: null,
          lastAnsweredAt: null, startMrr: null, endMrr: null, outcome: null, orders: 1, orderRevenue: 25.5 }],
        nextCursor: null,
      }));
    expect(await screen.findByRole('link', { name: 'Carl' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Orders' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Carl/ })).toHaveTextContent('Carl125.5');
  });

  it('says nobody paid when a revenue KPI has no cohort', async () => {
    renderWith(<KpiCustomers kpiKey="nrr" filters={{}} title="NRR" />, () => json({ items: [], nextCursor: null }));
    expect(await screen.findByText('No customer was paying at the start of this period.')).toBeInTheDocument();
  });

  it('says so when nobody answered', async () => {
    renderWith(<KpiCustomers kpiKey="nps" filters={{}} title="NPS" />, () => json({ items: [], nextCursor: null }));
    expect(await screen.findByText('No customer answered in this period.')).toBeInTheDocument();
  });
});
