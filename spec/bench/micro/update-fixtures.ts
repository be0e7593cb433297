/** Small captured-stream fixtures built with rxbgp's own encoder (for the bench/micro specs). */
import { Afi, Safi } from '../../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../../lib/wire/keepalive';
import { encodeMessage } from '../../../lib/wire/message';
import { endOfRibMessage } from '../../../lib/wire/end-of-rib';
import { DEFAULT_CONTEXT, type PathAttributes } from '../../../lib/wire/types';
import { packUpdates } from '../../../lib/wire/update-pack';

export const ATTRIBUTES: PathAttributes = { origin: 0, asPath: [{ type: 2, asns: [65101] }], nextHop: '198.51.100.1' };

/** `count` consecutive /24s from 10.0.0.0. */
export function slash24s(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`);
}

/** The prefixes announced with ATTRIBUTES in UPDATEs of at most `maxLength` octets. */
export function updatesFor(prefixes: readonly string[], maxLength = 4096): Buffer[] {
  const announced = { afi: Afi.IPV4, safi: Safi.UNICAST, prefixes, nextHop: ['198.51.100.1'] };
  return packUpdates(ATTRIBUTES, announced, undefined, DEFAULT_CONTEXT, maxLength);
}

export const END_OF_RIB: Buffer = encodeMessage(endOfRibMessage({ afi: Afi.IPV4, safi: Safi.UNICAST }), DEFAULT_CONTEXT);

/** A stream as BIRD sends it: a KEEPALIVE, the UPDATEs, the End-of-RIB. */
export function streamOf(updates: readonly Buffer[]): Buffer {
  return Buffer.concat([KEEPALIVE_BYTES, ...updates, END_OF_RIB]);
}
