/** CLUSTER_LIST, RFC 4456 §8: optional non-transitive list of 4-octet CLUSTER_IDs. */
import { formatIpv4, parseIpv4 } from '../address';
import { AttrAction } from '../errors';
import { AttrFlag, AttrType, UpdateSubcode } from '../iana';
import { malformed, type AttributeCodec } from './attribute-codec';

export const clusterList: AttributeCodec<readonly string[]> = {
  code: AttrType.CLUSTER_LIST,
  name: 'CLUSTER_LIST',
  flags: AttrFlag.OPTIONAL,
  // RFC 7606 §7.10: length 0 or not a multiple of 4 => treat-as-withdraw.
  malformed: AttrAction.TREAT_AS_WITHDRAW,

  decode(buf, start, end) {
    const length = end - start;
    if (length === 0 || length % 4 !== 0) {
      throw malformed(clusterList, UpdateSubcode.OPTIONAL_ATTRIBUTE_ERROR, `length ${length} is not a non-zero multiple of 4`);
    }
    const ids = new Array<string>(length / 4);
    for (let i = 0; i < ids.length; i++) ids[i] = formatIpv4(buf, start + 4 * i);
    return ids;
  },
  store: (into, value) => {
    into.attributes.clusterList = value;
  },
  pick: (parts) => (parts.attributes.clusterList?.length ? parts.attributes.clusterList : undefined),
  encode(w, value) {
    for (const text of value) {
      const id = parseIpv4(text);
      if (id === undefined) throw new Error(`CLUSTER_ID "${text}" is not a dotted quad`);
      w.u32(id);
    }
  },
};
