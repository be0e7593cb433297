/**
 * AGGREGATOR, RFC 4271 §5.1.7: optional transitive; AS (2 octets, or 4 once the 4-octet AS
 * capability is negotiated, RFC 6793) + IPv4 address of the aggregating speaker.
 */
import { AttrAction } from '../errors';
import { AttrFlag, AttrType } from '../iana';
import type { Aggregator } from '../types';
import type { AttributeCodec } from './attribute-codec';
import { decodeAggregator, encodeAggregator } from './aggregator-value';

export const aggregator: AttributeCodec<Aggregator> = {
  code: AttrType.AGGREGATOR,
  name: 'AGGREGATOR',
  flags: AttrFlag.OPTIONAL | AttrFlag.TRANSITIVE,
  // RFC 7606 §7.7: length other than 6 (2-octet session) or 8 (4-octet) => attribute discard.
  malformed: AttrAction.DISCARD,

  decode: (buf, start, end, ctx) => decodeAggregator(aggregator, buf, start, end, ctx.asn4 ? 4 : 2),
  store: (into, value) => {
    into.attributes.aggregator = value;
  },
  pick: (parts) => parts.attributes.aggregator,
  encode: (w, value, ctx) => encodeAggregator(w, value, ctx.asn4 ? 4 : 2),
};
