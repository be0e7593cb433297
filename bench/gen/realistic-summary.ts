/** The check lines that describe a realistic table: sizes, attribute sets, length mix, AS path lengths. */
import type { RealisticTable } from './realistic-table';

/** Share of the most common lengths of one family, e.g. "/24 62.3 %, /22 11.5 %, ...". */
export function lengthMix(table: RealisticTable, ipv6: boolean, shown = 6): string {
  const total = ipv6 ? table.ipv6Count : table.ipv4Count;
  const histogram = [...table.lengthHistogram(ipv6)];
  const head = histogram.slice(0, shown).map(([l, n]) => `/${l} ${((100 * n) / total).toFixed(1)} %`);
  const lengths = histogram.map(([l]) => l);
  return `${head.join(', ')}${histogram.length > shown ? `, … (${histogram.length} lengths, /${Math.min(...lengths)}–/${Math.max(...lengths)})` : ''}`;
}

export function describeTable(table: RealisticTable): string[] {
  let largest = 0;
  let small = 0;
  for (let s = 0; s < table.setCount; s++) {
    const size = table.setSize(s);
    largest = Math.max(largest, size);
    if (size <= 3) small++;
  }
  let med = 0;
  let communities = 0;
  let large = 0;
  for (let s = 0; s < table.setCount; s++) {
    if (table.sets.med(s) !== undefined) med++;
    if (table.sets.communities(s).length) communities++;
    if (table.sets.largeCommunities(s).length) large++;
  }
  const pct = (n: number) => `${((100 * n) / table.setCount).toFixed(0)} %`;
  return [
    `table (seed ${table.seed}): ${table.ipv4Count.toLocaleString('en')} IPv4 + ${table.ipv6Count.toLocaleString('en')} IPv6 prefixes, ` +
      `${table.setCount.toLocaleString('en')} distinct attribute sets (${table.ipv4SetCount.toLocaleString('en')} IPv4), ` +
      `${pct(small)} of them with 1–3 prefixes, the largest ${largest.toLocaleString('en')}`,
    `sets with MED ${pct(med)}, with communities ${pct(communities)}, with large communities ${pct(large)}`,
    `IPv4 lengths: ${lengthMix(table, false)}`,
    ...(table.ipv6Count ? [`IPv6 lengths: ${lengthMix(table, true)}`] : []),
    `AS path length (sender's AS included) mean ${table.meanAsPathLength().toFixed(2)} per route`,
  ];
}
