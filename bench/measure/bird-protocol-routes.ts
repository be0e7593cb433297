/**
 * Route counters of many BIRD protocols from one `show protocols all "<pattern>"` reply: a protocol
 * line starts at the left edge ("mp_in_7    BGP    ---    up    12:00:00.000  Established"), its
 * details are indented, and each channel has one "Routes: N imported, [F filtered,] M exported, P
 * preferred" line. BIRD keeps these counters, so the query costs it no table walk.
 */

export interface ProtocolRoutes {
  readonly imported: number;
  readonly exported: number;
}

const ROUTES = /^\s+Routes:\s+(\d+) imported, (?:\d+ filtered, )?(\d+) exported/;

/** Protocol name → its counters summed over its channels (0 for a protocol without a running channel). */
export function parseProtocolRoutes(text: string): Map<string, ProtocolRoutes> {
  const out = new Map<string, ProtocolRoutes>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const c = line.charCodeAt(0);
    if (c !== 32 && c !== 9) {
      const name = line.split(/\s+/, 1)[0]!;
      // The column header comes first ("Name  Proto  Table ...").
      current = name === 'Name' ? undefined : name;
      if (current !== undefined) out.set(current, { imported: 0, exported: 0 });
      continue;
    }
    const m = current !== undefined ? ROUTES.exec(line) : null;
    if (!m) continue;
    const was = out.get(current!)!;
    out.set(current!, { imported: was.imported + Number(m[1]), exported: was.exported + Number(m[2]) });
  }
  return out;
}

/** Sum of `imported` over every protocol. */
export function totalImported(routes: ReadonlyMap<string, ProtocolRoutes>): number {
  let sum = 0;
  for (const r of routes.values()) sum += r.imported;
  return sum;
}
