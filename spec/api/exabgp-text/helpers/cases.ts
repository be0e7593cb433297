/**
 * Cases for the text encoder on top of the JSON case table: what only the text shows (a list of
 * one printed without brackets, the RFC 7606 error on a sent UPDATE, ADD-PATH on MP_REACH).
 */
import { asPath, attr, capability, ip, mpReach, nextHop, open, origin, prefix, prefixes, u32, update } from '../../exabgp-json/helpers/bgp-bytes';
import { ALL_CASES, type JsonCase } from '../../exabgp-json/helpers/cases';

const BASE = [origin(0), asPath([[2, [65002]]]), nextHop('192.0.2.1')];

function upd(name: string, parts: Parameters<typeof update>[0], extra: Partial<JsonCase> = {}): JsonCase {
  return { name, kind: 'message', hex: update(parts).toString('hex'), direction: 'receive', ...extra };
}

export const TEXT_ONLY_CASES: readonly JsonCase[] = [
  upd('one community, one cluster id, one extended community', {
    attributes: [
      ...BASE,
      attr(0xc0, 8, u32(0xfde80007)),
      attr(0x80, 10, ip('192.0.2.88')),
      attr(0xc0, 16, '0002fde800000001'),
    ],
    nlri: prefixes('10.0.0.0/24'),
  }),
  upd(
    'malformed AS_PATH sent: no treat-as-withdraw rewrite',
    { attributes: [origin(0), attr(0x40, 2, '0501000000'), nextHop('192.0.2.1')], nlri: prefixes('10.0.0.0/24') },
    { direction: 'send' },
  ),
  upd(
    'ADD-PATH on IPv6',
    { attributes: [origin(0), asPath([[2, [65002]]]), mpReach(2, 1, ['2001:db8::1'], Buffer.concat([prefix('2001:db8:1::/48', 7), prefix('::/0', 8)]))] },
    { addpath: true },
  ),
  {
    name: 'OPEN with RFC multisession last',
    kind: 'message',
    direction: 'receive',
    hex: open(65002, 180, '192.0.2.2', [capability(131), capability(68, '00'), capability(2), capability(69, '000101010002010200010103')]).toString('hex'),
  },
];

/** Every case the text encoder is checked on: the JSON table's, then the text-only ones. */
export const TEXT_CASES: readonly JsonCase[] = [...ALL_CASES, ...TEXT_ONLY_CASES];
