/** Dates and numbers in the UI's language, through Intl. */
export function formatDateTime(value: string | undefined | null, language: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | undefined | null, language: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value));
}

export function formatNumber(value: number | string | undefined | null, language: string, unit?: string): string {
  if (value === undefined || value === null || value === '') return '–';
  const number = typeof value === 'string' ? Number(value) : value;
  if (unit === 'percent') {
    return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(number / 100);
  }
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(number);
}
