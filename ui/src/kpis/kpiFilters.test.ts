import { filterQuery, filtersFrom, previousPeriod, trend } from './kpiFilters';

describe('filtersFrom', () => {
  it('reads the period and the filters from the address and leaves out empty ones', () => {
    expect(filtersFrom(new URLSearchParams('from=2031-01-01&phase=purchase&module=&segment=kind:person&view=table'))).toEqual({
      from: '2031-01-01', phase: 'purchase', segment: 'kind:person',
    });
  });
  it('writes them back in a fixed order', () => {
    expect(filterQuery({ segment: 'kind:person', from: '2031-01-01' })).toBe('?from=2031-01-01&segment=kind%3Aperson');
    expect(filterQuery({})).toBe('');
  });
});

describe('previousPeriod', () => {
  it('is the period of the same length that ends where this one starts', () => {
    expect(previousPeriod('2031-03-01', '2031-03-31')).toEqual({ from: '2031-01-30', to: '2031-03-01' });
  });
  it('crosses a year end', () => {
    expect(previousPeriod('2031-01-01', '2031-01-08')).toEqual({ from: '2030-12-25', to: '2031-01-01' });
  });
  it('has none for a malformed or empty period', () => {
    expect(previousPeriod('2031-03-01', '2031-03-01')).toBeNull();
    expect(previousPeriod('yesterday', '2031-03-01')).toBeNull();
  });
});

describe('trend', () => {
  it('judges a rise by the KPI direction', () => {
    expect(trend(30, 20, 'higher_is_better')).toBe('better');
    expect(trend(30, 20, 'lower_is_better')).toBe('worse');
    expect(trend(20, 20, 'higher_is_better')).toBe('same');
  });
  it('says nothing without both values', () => {
    expect(trend(null, 20, 'higher_is_better')).toBeNull();
  });
});
