import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../shared/i18n/en';
import { JourneyStrip, phaseAt } from './JourneyStrip';
import { CustomerTasks } from './CustomerTasks';
import { CustomerSuggestions } from './CustomerSuggestions';
import type { Journey } from './useCustomer360';

beforeAll(() => i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: en } } }));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderWith(element: React.ReactNode, answer: (url: string, init?: RequestInit) => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init));
  vi.stubGlobal('fetch', fetch);
  const router = createMemoryRouter([{ path: '/', element }], { initialEntries: ['/'] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return fetch;
}

const journey = {
  customerId: 'c1', currentPhase: 'purchase', lastTouchPhase: 'purchase',
  phases: [
    { phase: 'awareness', firstReachedAt: '2031-01-01T00:00:00Z', lastTouchAt: '2031-01-02T00:00:00Z', timeInPhase: 'PT72H', touchpoints: 2 },
    { phase: 'purchase', firstReachedAt: '2031-01-04T00:00:00Z', lastTouchAt: '2031-01-09T00:00:00Z', timeInPhase: 'PT120H', touchpoints: 1 },
  ],
  peakEnd: {
    score: 0.5,
    peak: { id: 't1', type: 'feedback.nps', score: 10, occurredAt: '2031-01-01T12:00:00Z' },
    end: { id: 't2', type: 'feedback.csat', score: 2, occurredAt: '2031-01-09T00:00:00Z' },
  },
} as unknown as Journey;

describe('customer 360 parts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('places the peak and the end in the phase whose span holds them', () => {
    expect(phaseAt(journey, journey.peakEnd?.peak)).toBe('awareness');
    expect(phaseAt(journey, journey.peakEnd?.end)).toBe('purchase');
    expect(phaseAt(journey, undefined)).toBeUndefined();
  });

  it('draws all seven phases, the reached ones with time in phase and the current one marked', async () => {
    renderWith(<JourneyStrip customerId="c1" />, () => json(journey));
    const strip = await screen.findByTestId('journey-strip');
    const phases = within(strip).getAllByRole('listitem');
    expect(phases).toHaveLength(7);
    expect(phases[0]).toHaveTextContent('Awareness');
    expect(phases[0]).toHaveTextContent('3 days in this phase');
    expect(phases[0]).toHaveTextContent('Peak');
    expect(phases[1]).toHaveTextContent('not reached');
    expect(phases[4]).toHaveAttribute('aria-current', 'step');
    expect(phases[4]).toHaveTextContent('End');
  });

  it('says there is no journey for a customer without touchpoints', async () => {
    renderWith(<JourneyStrip customerId="c1" />, () => json({ customerId: 'c1', phases: [] }));
    expect(await screen.findByText('No touchpoints yet, so no journey.')).toBeInTheDocument();
  });

  it('shows an error with a retry when the journey cannot be read', async () => {
    renderWith(<JourneyStrip customerId="c1" />, () => json({ status: 500, title: 'boom' }, 500));
    expect(await screen.findByRole('alert')).toHaveTextContent('boom');
  });

  it('shows only the tasks that still need doing', async () => {
    const fetch = renderWith(<CustomerTasks customerId="c1" />, () =>
      json({ items: [
        { id: '1', title: 'Call back', department: 'support', priority: 'high', status: 'open', createdAt: '2031-01-01T00:00:00Z' },
        { id: '2', title: 'Old chase', department: 'sales', priority: 'low', status: 'done', createdAt: '2031-01-01T00:00:00Z' },
      ] }));
    expect(await screen.findByText('Call back')).toBeInTheDocument();
    expect(screen.queryByText('Old chase')).toBeNull();
    expect(String(fetch.mock.calls[0][0])).toBe('/api/v1/tasks?customerId=c1&limit=100');
  });

  it('dismisses a suggestion in place and merges the other customer into this one after confirming', async () => {
    const calls: string[] = [];
    renderWith(<CustomerSuggestions customerId="c1" mayDecide />, (url, init) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url.startsWith('/api/v1/merge-suggestions?')) {
        return json({ items: [{ id: 's1', score: 0.91, reasons: ['similar name'], customers: [{ id: 'c2', displayName: 'Anna Schmitt' }, { id: 'c1', displayName: 'Anna Schmidt' }] }] });
      }
      return json({ id: 'c1' });
    });
    expect(await screen.findByRole('link', { name: 'Anna Schmitt' })).toHaveAttribute('href', '/customers/c2');
    fireEvent.click(screen.getByRole('button', { name: 'Anna Schmitt is not the same customer' }));
    await vi.waitFor(() => expect(calls).toContain('POST /api/v1/merge-suggestions/s1/dismiss'));
    fireEvent.click(screen.getByRole('button', { name: 'Merge Anna Schmitt into this customer' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Merge' }));
    await vi.waitFor(() => expect(calls).toContain('POST /api/v1/customers/c1/merge'));
    expect(calls[0]).toBe('GET /api/v1/merge-suggestions?customerId=c1&limit=50');
  });

  it('hides the decisions from those who may only read', async () => {
    renderWith(<CustomerSuggestions customerId="c1" mayDecide={false} />, () =>
      json({ items: [{ id: 's1', score: 0.9, reasons: [], customers: [{ id: 'c2', displayName: 'B' }, { id: 'c1', displayName: 'A' }] }] }));
    expect(await screen.findByRole('link', { name: 'B' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
