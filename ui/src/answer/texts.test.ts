import { pickLanguage, problemText, TEXTS } from './texts';

describe('the answer page', () => {
  it('speaks the language asked in the address, else the browser’s, else English', () => {
    expect(pickLanguage('?lang=de', ['en-US'])).toBe('de');
    expect(pickLanguage('', ['fr-FR', 'de-AT'])).toBe('de');
    expect(pickLanguage('', ['fr-FR'])).toBe('en');
  });
  it('says in words why a link cannot be answered', () => {
    expect(problemText(TEXTS.en, 410)).toMatch(/can no longer be used/);
    expect(problemText(TEXTS.de, 410)).toMatch(/nicht mehr gültig/);
    expect(problemText(TEXTS.en, 422, 'score must be from 1 to 5')).toBe('Your answer could not be accepted: score must be from 1 to 5');
    expect(problemText(TEXTS.en, 404)).toMatch(/not known/);
    expect(problemText(TEXTS.en, 429)).toMatch(/Too many attempts/);
  });
  it('has every English text in German', () => {
    expect(Object.keys(TEXTS.de).sort()).toEqual(Object.keys(TEXTS.en).sort());
  });
});
