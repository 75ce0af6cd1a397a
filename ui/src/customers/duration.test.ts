import { durationSeconds, formatDuration } from './duration';

describe('durationSeconds', () => {
  it('reads the hours, minutes and seconds Java writes', () => {
    expect(durationSeconds('PT49H30M5S')).toBe(49 * 3600 + 30 * 60 + 5);
  });
  it('reads days and a zero duration', () => {
    expect(durationSeconds('P2DT1H')).toBe(2 * 86400 + 3600);
    expect(durationSeconds('PT0S')).toBe(0);
  });
  it('answers null for what is not a duration', () => {
    expect(durationSeconds('two days')).toBeNull();
    expect(durationSeconds(undefined)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('says days once a phase lasted a day or more, in the language asked', () => {
    expect(formatDuration('PT49H', 'en')).toBe('2 days');
    expect(formatDuration('PT49H', 'de')).toBe('2 Tage');
  });
  it('falls back to hours and minutes for short phases', () => {
    expect(formatDuration('PT3H10M', 'en')).toBe('3 hours');
    expect(formatDuration('PT10M', 'en')).toBe('10 minutes');
  });
  it('shows a dash when there is no duration', () => {
    expect(formatDuration(null, 'en')).toBe('–');
  });
});
