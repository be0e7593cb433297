/**
 * AS4_AGGREGATOR, RFC 6793 §3: optional transitive, the AGGREGATOR with a 4-octet AS, sent
 * with an AGGREGATOR holding AS_TRANS when the aggregating AS does not fit 2 octets.
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import type { Aggregator } from '../types';
import type { AttributeCodec } from './attribute-codec';
import { decodeAggregator, encodeAggregator } from './aggregator-value';

export const as4Aggregator: AttributeCodec<Aggregator> = {
  code: AttrType.AS4_AGGREGATOR,
  name: 'AS4_AGGREGATOR',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 6793 §6: a malformed AS4_AGGREGATOR => attribute discard.
  malformed: AttrAction.DISCARD,

  decode: (buf, start, end) => decodeAggregator(as4Aggregator, buf, start, end, 4),
  store: (into, value) => {
    into.attributes.as4Aggregator = value;
  },
  pick(parts, ctx) {
    const { aggregator, as4Aggregator: given } = parts.attributes;
    // RFC 6793 §4.2.2: towards a 2-octet peer, an aggregating AS above 65535 goes here.
    if (!ctx.asn4 && aggregator && aggregator.asn > 0xffff) return aggregator;
    return given;
  },
  encode: (w, value) => encodeAggregator(w, value, 4),
};
