import { safeNext } from './LoginPage';

describe('safeNext', () => {
  it('follows an address inside the app', () => {
    expect(safeNext('/customers?q=erika')).toBe('/customers?q=erika');
  });
  it('never follows another site or the login page itself', () => {
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/login?next=/')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
