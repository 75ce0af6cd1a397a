/** Seconds in an ISO-8601 duration as Java writes it (PT…H…M…S, optionally with days: P…DT…). */
export function durationSeconds(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const match = /^(-)?P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!match) return null;
  const [, negative, days, hours, minutes, seconds] = match;
  const total = Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  return negative ? -total : total;
}

/** A duration in the largest whole unit that fits (days, hours, minutes), in the UI's language through Intl. */
export function formatDuration(iso: string | null | undefined, language: string): string {
  const seconds = durationSeconds(iso);
  if (seconds === null) return '–';
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
  if (seconds >= 86400) return unit(Math.floor(seconds / 86400), 'day');
  if (seconds >= 3600) return unit(Math.floor(seconds / 3600), 'hour');
  return unit(Math.max(0, Math.floor(seconds / 60)), 'minute');
}
