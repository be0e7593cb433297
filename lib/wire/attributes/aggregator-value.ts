/** The <AS, IPv4 address> value shared by AGGREGATOR and AS4_AGGREGATOR. */
import { formatIpv4, parseIpv4 } from '../address';
import { AS_TRANS, UpdateSubcode } from '../iana';
import type { Aggregator } from '../types';
import type { Writer } from '../writer';
import { malformed, readU16, readU32, type AttributeCodec } from './attribute-codec';

export function decodeAggregator(
  codec: Pick<AttributeCodec<unknown>, 'code' | 'name' | 'malformed'>,
  buf: Buffer,
  start: number,
  end: number,
  asSize: 2 | 4,
): Aggregator {
  const expected = asSize + 4;
  if (end - start !== expected) {
    throw malformed(codec, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != ${expected}`);
  }
  const asn = asSize === 4 ? readU32(buf, start) : readU16(buf, start);
  // RFC 7607 §2: AS 0 makes the attribute malformed.
  if (asn === 0) throw malformed(codec, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, 'AS 0 (RFC 7607)');
  return { asn, address: formatIpv4(buf, start + asSize) };
}

/** Writes the value; in 2-octet form a large AS becomes AS_TRANS (RFC 6793 §4.2.2). */
export function encodeAggregator(w: Writer, value: Aggregator, asSize: 2 | 4): void {
  const address = parseIpv4(value.address);
  if (address === undefined) throw new Error(`aggregator address "${value.address}" is not an IPv4 address`);
  if (asSize === 4) w.u32(value.asn);
  else w.u16(value.asn > 0xffff ? AS_TRANS : value.asn);
  w.u32(address);
}
