import { describe, expect, it } from 'vitest';
import { checkSetting } from './ModulesPage';
import { reasonSource } from '../privacy/usePrivacy';

const setting = (type: string, extra: Record<string, unknown> = {}) =>
  ({ key: 'maxLength', type, required: false, min: 1, max: 500, defaultValue: '', description: '', ...extra }) as Parameters<typeof checkSetting>[0];

describe('the module settings form', () => {
  it('refuses what the schema refuses before asking the server', () => {
    expect(checkSetting(setting('integer'), 'long')).toBe('must be a whole number');
    expect(checkSetting(setting('integer'), '0')).toBe('must be at least 1');
    expect(checkSetting(setting('integer'), '501')).toBe('must be at most 500');
    expect(checkSetting(setting('integer'), '200')).toBeNull();
    expect(checkSetting(setting('string', { required: true }), '')).toBe('is required');
    expect(checkSetting(setting('string', { required: true, defaultValue: 'x' }), '')).toBeNull();
  });
});

describe('a consent reason as its source', () => {
  it('becomes a slug the API accepts', () => {
    expect(reasonSource('Phone call with the customer')).toBe('ui.phone-call-with-the-customer');
    expect(reasonSource('Anruf: Kündigung bestätigt!')).toBe('ui.anruf-kundigung-bestatigt');
    expect(reasonSource('   ')).toBe('ui.manual');
    expect(reasonSource('x'.repeat(300))).toHaveLength(100);
  });
});
