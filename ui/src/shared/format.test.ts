import { formatDate, formatNumber } from './format';

describe('format', () => {
  it('writes numbers the German way in German', () => {
    expect(formatNumber(1234.5, 'de')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
  it('writes percent units as percentages', () => {
    expect(formatNumber(42, 'en', 'percent')).toBe('42%');
  });
  it('shows a dash for a missing value', () => {
    expect(formatNumber(null, 'de')).toBe('–');
  });
  it('writes dates in the language of the UI', () => {
    expect(formatDate('2025-03-01T10:00:00Z', 'de')).toBe('01.03.2025');
  });
});
