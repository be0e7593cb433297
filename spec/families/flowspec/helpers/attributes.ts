/** Values of EXTENDED_COMMUNITIES (16) and COMMUNITIES (8) in a whole UPDATE message, for comparing commands with raw vectors. */
export function attributeValues(message: Buffer): { extendedCommunities: bigint[]; communities: number[] } {
  let at = 19;
  at += 2 + message.readUInt16BE(at);
  const end = at + 2 + message.readUInt16BE(at);
  at += 2;
  const out = { extendedCommunities: [] as bigint[], communities: [] as number[] };
  while (at < end) {
    const flags = message[at];
    const type = message[at + 1];
    const length = flags & 0x10 ? message.readUInt16BE(at + 2) : message[at + 2];
    const value = at + (flags & 0x10 ? 4 : 3);
    if (type === 16) for (let i = value; i < value + length; i += 8) out.extendedCommunities.push(message.readBigUInt64BE(i));
    if (type === 8) for (let i = value; i < value + length; i += 4) out.communities.push(message.readUInt32BE(i));
    at = value + length;
  }
  return out;
}
