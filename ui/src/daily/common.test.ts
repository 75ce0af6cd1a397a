import { countdown } from './common';

describe('countdown', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  it('says how long until a due time', () => {
    expect(countdown('2026-01-01T12:05:00Z', now, 'en')).toEqual({ text: 'in 2 h 5 min', overdue: false });
  });
  it('says how long a due time is past, in German too', () => {
    expect(countdown('2026-01-01T08:00:00Z', now, 'en')).toEqual({ text: '2 h 0 min overdue', overdue: true });
    expect(countdown('2025-12-30T10:00:00Z', now, 'de')).toEqual({ text: '2 d 0 min überfällig', overdue: true });
  });
});
