/** Support for 4-octet AS number capability, code 65 (RFC 6793 §3): the speaker's AS in 4 octets. */
import { CapabilityCode } from '../iana';
import type { CapabilityCodec } from './codec';

export const asn4: CapabilityCodec<'asn4'> = {
  code: CapabilityCode.FOUR_OCTET_AS,
  kind: 'asn4',
  name: '4-octet AS number',
  decode(buf, start, end) {
    if (end - start !== 4) return undefined;
    return { kind: 'asn4', asn: buf.readUInt32BE(start) };
  },
  encode(w, cap) {
    w.u32(cap.asn);
  },
};
