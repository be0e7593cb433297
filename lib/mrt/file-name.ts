/**
 * Names of MRT dump files from a strftime-like pattern, in UTC, the way route collectors name
 * theirs: RouteViews `updates.20240101.0015` holds the updates of 00:15 to 00:30 that day.
 * A small subset of strftime, checked when the sink is configured rather than at the first write.
 */

/** RouteViews' update file names. */
export const DEFAULT_MRT_PATTERN = 'updates.%Y%m%d.%H%M';

/** The conversions a pattern may use. */
const CONVERSIONS = 'YmdHMSs%';

/** What is wrong with a pattern, or undefined when it is usable. */
export function checkMrtPattern(pattern: string): string | undefined {
  if (pattern === '') return 'the file name pattern is empty';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '%') continue;
    const c = pattern[i + 1];
    if (c === undefined) return `the file name pattern "${pattern}" ends with a lone "%"`;
    if (!CONVERSIONS.includes(c)) return `the file name pattern "${pattern}" has "%${c}": only %Y %m %d %H %M %S %s and %% are known`;
    i++;
  }
  if (pattern.endsWith('/')) return `the file name pattern "${pattern}" names a directory, not a file`;
  if (pattern.split('/').includes('..')) return `the file name pattern "${pattern}" must stay inside the sink's directory (no "..")`;
  return undefined;
}

/**
 * The file name for the period starting at `seconds` (since the epoch), in UTC:
 * %Y year, %m month, %d day, %H hour, %M minute, %S second (zero-padded), %s epoch seconds, %% a "%".
 * The pattern must have passed checkMrtPattern.
 */
export function mrtFileName(pattern: string, seconds: number): string {
  const d = new Date(seconds * 1000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return pattern.replace(/%(.)/g, (_all, c: string) => {
    switch (c) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'm':
        return two(d.getUTCMonth() + 1);
      case 'd':
        return two(d.getUTCDate());
      case 'H':
        return two(d.getUTCHours());
      case 'M':
        return two(d.getUTCMinutes());
      case 'S':
        return two(d.getUTCSeconds());
      case 's':
        return String(seconds);
      default:
        return c; // '%'
    }
  });
}
