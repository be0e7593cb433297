/**
 * ADD-PATH capability, code 69 (RFC 7911 §4): one <AFI (2), SAFI (1), Send/Receive (1)> tuple
 * per family, all in a single capability.
 */
import { AddPathMode, CapabilityCode } from '../iana';
import type { CapabilityCodec } from './codec';

export const addPath: CapabilityCodec<'add-path'> = {
  code: CapabilityCode.ADD_PATH,
  kind: 'add-path',
  name: 'ADD-PATH',
  decode(buf, start, end) {
    if ((end - start) % 4 !== 0) return undefined;
    const families: Array<{ afi: number; safi: number; mode: number }> = [];
    for (let p = start; p < end; p += 4) {
      const mode = buf[p + 3];
      // RFC 7911 §4: any other Send/Receive value means the capability is "not understood and ignored".
      if (mode < AddPathMode.RECEIVE || mode > AddPathMode.BOTH) return undefined;
      families.push({ afi: (buf[p] << 8) | buf[p + 1], safi: buf[p + 2], mode });
    }
    return { kind: 'add-path', families };
  },
  encode(w, cap) {
    for (const f of cap.families) w.u16(f.afi).u8(f.safi).u8(f.mode);
  },
};
