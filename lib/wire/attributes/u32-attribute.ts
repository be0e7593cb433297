/** Attributes whose value is one 4-octet unsigned integer (MED, LOCAL_PREF). */
import type { AttrAction } from '../errors';
import { UpdateSubcode } from '../iana';
import { malformed, readU32, type AttributeCodec, type DecodedParts, type UpdateParts } from './attribute-codec';

export function u32Attribute(
  identity: { code: number; name: string; flags: number; malformed: AttrAction; malformedFromExternal?: AttrAction },
  store: (into: DecodedParts, value: number) => void,
  pick: (parts: UpdateParts) => number | undefined,
): AttributeCodec<number> {
  const codec: AttributeCodec<number> = {
    ...identity,
    decode(buf, start, end) {
      if (end - start !== 4) throw malformed(codec, UpdateSubcode.ATTRIBUTE_LENGTH_ERROR, `length ${end - start} != 4`);
      return readU32(buf, start);
    },
    store,
    pick,
    encode(w, value) {
      w.u32(value);
    },
  };
  return codec;
}
