/**
 * Multiprotocol Extensions capability, code 1 (RFC 4760 §8):
 * AFI (2 octets), Reserved (1 octet, 0 on send, ignored on receipt), SAFI (1 octet).
 */
import { CapabilityCode } from '../iana';
import type { CapabilityCodec } from './codec';

export const multiprotocol: CapabilityCodec<'multiprotocol'> = {
  code: CapabilityCode.MULTIPROTOCOL,
  kind: 'multiprotocol',
  name: 'Multiprotocol Extensions',
  decode(buf, start, end) {
    if (end - start !== 4) return undefined;
    return { kind: 'multiprotocol', afi: (buf[start] << 8) | buf[start + 1], safi: buf[start + 3] };
  },
  encode(w, cap) {
    w.u16(cap.afi).u8(0).u8(cap.safi);
  },
};
