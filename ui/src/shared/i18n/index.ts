import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kreis.lang';

/** The language: ?lang= in the address, else the last choice, else the browser's, else English. */
export function initialLanguage(search: string, stored: string | null, browser: readonly string[]): Language {
  const asked = new URLSearchParams(search).get('lang');
  for (const candidate of [asked, stored, ...browser.map((tag) => tag.slice(0, 2))]) {
    if (candidate && (LANGUAGES as readonly string[]).includes(candidate)) {
      return candidate as Language;
    }
  }
  return 'en';
}

export function rememberLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export function setUpI18n() {
  const language = initialLanguage(window.location.search, localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  document.documentElement.lang = language;
  return i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
}
