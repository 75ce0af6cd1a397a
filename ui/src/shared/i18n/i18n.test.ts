import { initialLanguage } from './index';
import { de } from './de';
import { en } from './en';

describe('initialLanguage', () => {
  it('takes ?lang= over the remembered choice and the browser', () => {
    expect(initialLanguage('?lang=de', 'en', ['en-US'])).toBe('de');
  });
  it('falls back from an unknown ?lang= to the remembered choice', () => {
    expect(initialLanguage('?lang=fr', 'de', ['en-US'])).toBe('de');
  });
  it('uses the browser language when nothing was chosen', () => {
    expect(initialLanguage('', null, ['de-AT', 'en'])).toBe('de');
  });
  it('speaks English to a browser in a language the UI does not offer', () => {
    expect(initialLanguage('', null, ['fr-FR'])).toBe('en');
  });
});

describe('translations', () => {
  const keys = (value: object, prefix = ''): string[] =>
    Object.entries(value).flatMap(([key, inner]) => (typeof inner === 'object' ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`]));
  it('German has every English key and no other', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });
});
