/** The answer page's words, German and English; it loads no i18n library to stay small. */
export const TEXTS = {
  en: {
    title: 'Your feedback',
    loading: 'Loading the question…',
    scaleLow: 'not at all likely',
    scaleHigh: 'extremely likely',
    cesLow: 'very difficult',
    cesHigh: 'very easy',
    csatLow: 'very dissatisfied',
    csatHigh: 'very satisfied',
    score: 'Your answer',
    comment: 'Comment (optional)',
    submit: 'Send answer',
    sending: 'Sending…',
    pick: 'Please choose a value first.',
    thanks: 'Thank you! Your answer has been recorded.',
    gone: 'This link can no longer be used: it was already answered, it has expired, or the survey was closed. Thank you anyway.',
    notFound: 'This link is not known. Please check that you copied the whole address.',
    invalid: 'Your answer could not be accepted: {detail}',
    tooMany: 'Too many attempts from your network. Please wait a minute and try again.',
    failed: 'Something went wrong. Please try again later.',
    expires: 'You can answer until {date}.',
    language: 'Language',
  },
  de: {
    title: 'Ihre Meinung',
    loading: 'Die Frage wird geladen…',
    scaleLow: 'überhaupt nicht wahrscheinlich',
    scaleHigh: 'äußerst wahrscheinlich',
    cesLow: 'sehr schwierig',
    cesHigh: 'sehr einfach',
    csatLow: 'sehr unzufrieden',
    csatHigh: 'sehr zufrieden',
    score: 'Ihre Antwort',
    comment: 'Kommentar (freiwillig)',
    submit: 'Antwort senden',
    sending: 'Wird gesendet…',
    pick: 'Bitte wählen Sie zuerst einen Wert.',
    thanks: 'Vielen Dank! Ihre Antwort wurde gespeichert.',
    gone: 'Dieser Link ist nicht mehr gültig: Er wurde schon beantwortet, ist abgelaufen, oder die Umfrage wurde beendet. Trotzdem vielen Dank.',
    notFound: 'Diesen Link kennen wir nicht. Bitte prüfen Sie, ob Sie die ganze Adresse kopiert haben.',
    invalid: 'Ihre Antwort konnte nicht angenommen werden: {detail}',
    tooMany: 'Zu viele Versuche aus Ihrem Netz. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es später noch einmal.',
    expires: 'Sie können bis {date} antworten.',
    language: 'Sprache',
  },
} as const;

export type Language = keyof typeof TEXTS;
export type Texts = { [K in keyof (typeof TEXTS)['en']]: string };

/** ?lang= first, then the browser's languages, else English. */
export function pickLanguage(search: string, browser: readonly string[]): Language {
  for (const candidate of [new URLSearchParams(search).get('lang'), ...browser.map((tag) => tag.slice(0, 2).toLowerCase())]) {
    if (candidate === 'de' || candidate === 'en') return candidate;
  }
  return 'en';
}

/** The words for an HTTP status of the answer API. */
export function problemText(texts: Texts, status: number, detail?: string): string {
  if (status === 410) return texts.gone;
  if (status === 404) return texts.notFound;
  if (status === 422) return texts.invalid.replace('{detail}', detail ?? '');
  if (status === 429) return texts.tooMany;
  return texts.failed;
}
