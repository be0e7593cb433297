/**
 * A found value in a few words for error messages ("got ..."): what the config decoder and a
 * family's own config form both say about a value they refuse.
 */

/** Short text of a found value for "got ..." (strings quoted, containers named, long text cut). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const quoted = JSON.stringify(value);
      return quoted.length > 60 ? `${quoted.slice(0, 56)}..."` : quoted;
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
