/** Decimal numbers in command words, read by char code (no regex, no Number() surprises like "1e3" or " 7"). */

/** The value of a decimal word of at most 10 digits in 0..max, or undefined. */
export function parseUint(text: string, max: number): number | undefined {
  const n = text.length;
  if (n === 0 || n > 10) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value <= max ? value : undefined;
}

export const U16_MAX = 0xffff;
export const U32_MAX = 0xffffffff;
