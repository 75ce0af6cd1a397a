import { describe, expect, it } from 'vitest';
import { checkSetting } from './ModulesPage';

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
