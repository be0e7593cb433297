import { administrativeShutdown, fsmError } from '../../lib/fsm/notifications';
import { toHex } from '../helpers/hex';

describe('administrativeShutdown (RFC 4486, RFC 8203 / RFC 9003)', () => {
  it('is Cease / 2 with no data when no message is given', () => {
    const n = administrativeShutdown();
    expect({ code: n.code, subcode: n.subcode, data: toHex(n.data) }).toEqual({ code: 6, subcode: 2, data: '' });
    expect(n.shutdownMessage).toBeUndefined();
  });

  it('carries the length-prefixed UTF-8 shutdown communication', () => {
    const n = administrativeShutdown('maint ✓');
    expect(toHex(n.data)).toBe('09' + Buffer.from('maint ✓', 'utf8').toString('hex'));
    expect(n.shutdownMessage).toBe('maint ✓');
  });

  it('cuts at 255 octets without splitting a character', () => {
    const text = 'a' + '€'.repeat(100); // 1 + 300 octets; 255 falls inside the 85th euro sign
    const n = administrativeShutdown(text);
    expect(n.data[0]).toBe(253);
    expect(n.data.length).toBe(254);
    expect(n.shutdownMessage).toBe('a' + '€'.repeat(84));
  });

  it('keeps exactly 255 octets of ASCII', () => {
    const n = administrativeShutdown('x'.repeat(300));
    expect(n.data[0]).toBe(255);
    expect(n.shutdownMessage).toBe('x'.repeat(255));
  });
});

describe('fsmError (RFC 6608)', () => {
  it.each([
    ['OpenSent', true, 1],
    ['OpenConfirm', true, 2],
    ['Established', true, 3],
    ['Established', false, 0],
    ['Connect', true, 0],
  ] as const)('in %s, message %s → 5/%d', (state, message, subcode) => {
    const n = fsmError(state, message);
    expect([n.code, n.subcode, n.data.length]).toEqual([5, subcode, 0]);
  });
});
