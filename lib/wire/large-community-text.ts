/** RFC 8092 large communities as text: "global:local1:local2", each part 0..4294967295. */

const U32 = /^\d{1,10}$/;

/** The three uint32 parts, or what was expected ("expected ..."). */
export function parseLargeCommunity(text: string): [number, number, number] | string {
  const parts = text.split(':');
  if (parts.length !== 3 || !parts.every((p) => U32.test(p) && Number(p) <= 0xffffffff)) {
    return 'expected a large community global:local1:local2 with each part 0..4294967295';
  }
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

export function formatLargeCommunity(value: readonly [number, number, number]): string {
  return `${value[0]}:${value[1]}:${value[2]}`;
}
