/**
 * Graceful Restart capability, code 64 (RFC 4724 §3): Restart Flags (4 bits: R, and N from
 * RFC 8538) and Restart Time in seconds (12 bits), then <AFI (2), SAFI (1), Flags (1)> per family
 * (Forwarding State bit 0x80).
 */
import { CapabilityCode } from '../iana';
import type { CapabilityCodec } from './codec';

/** Largest Restart Time the 12-bit field holds. */
const MAX_RESTART_TIME = 0x0fff;

export const gracefulRestart: CapabilityCodec<'graceful-restart'> = {
  code: CapabilityCode.GRACEFUL_RESTART,
  kind: 'graceful-restart',
  name: 'Graceful Restart',
  decode(buf, start, end) {
    const length = end - start;
    if (length < 2 || (length - 2) % 4 !== 0) return undefined;
    const flags = buf[start] >> 4;
    const restartTime = ((buf[start] & 0x0f) << 8) | buf[start + 1];
    const families: Array<{ afi: number; safi: number; flags: number }> = [];
    for (let p = start + 2; p < end; p += 4) {
      families.push({ afi: (buf[p] << 8) | buf[p + 1], safi: buf[p + 2], flags: buf[p + 3] });
    }
    return { kind: 'graceful-restart', flags, restartTime, families };
  },
  encode(w, cap) {
    if (cap.flags > 0x0f || cap.restartTime > MAX_RESTART_TIME) {
      throw new Error(`graceful restart flags ${cap.flags} / time ${cap.restartTime} do not fit 4 / 12 bits`);
    }
    w.u16((cap.flags << 12) | cap.restartTime);
    for (const f of cap.families) w.u16(f.afi).u8(f.safi).u8(f.flags);
  },
};
