/** One line saying what a config will do, for `rxbgp validate` and the daemon's start-up log. */
import { familyKey } from '../wire/types';
import { formatFamily } from '../families/family-text';
import type { Config } from './types';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** e.g. "2 neighbors (1 passive), 1 listener, 3 routes, 1 process (announce), families ipv4 unicast, ipv6 unicast" */
export function summarizeConfig(c: Config): string {
  const passive = c.neighbors.filter((n) => n.passive).length;
  let routes = 0;
  const families = new Map<number, string>();
  for (const n of c.neighbors) {
    routes += n.routes.length;
    for (const s of n.routeSets) routes += s.count;
    for (const f of n.families) families.set(familyKey(f.afi, f.safi), formatFamily(f.afi, f.safi));
  }
  const parts = [
    count(c.neighbors.length, 'neighbor') + (passive > 0 ? ` (${passive} passive)` : ''),
    count(c.listen.length, 'listener'),
    count(routes, 'route'),
  ];
  if (c.processes.length > 0) {
    parts.push(`${count(c.processes.length, 'process', 'processes')} (${c.processes.map((p) => p.name).join(' ')})`);
  }
  if (families.size > 0) {
    const names = [...families].sort(([a], [b]) => a - b).map(([, name]) => name);
    parts.push(`families ${names.join(', ')}`);
  }
  return parts.join(', ');
}
