/**
 * The fields of an ExaBGP JSON line that differ per process and per event (time, host, pid,
 * ppid, counter) replaced by fixed values, so lines from two processes compare as text.
 */
const VARYING = /^\{ "exabgp": "4\.0\.1", "time": [0-9.e+-]+, "host" : "[^"]*", "pid" : \d+, "ppid" : \d+, ("counter": \d+, )?/;

/**
 * ExaBGP 4.2 quotes ROUTE-REFRESH values twice (`"afi": ""ipv4""`, invalid JSON); rxbgp deliberately
 * writes them once, so the oracle's lines are compared with that one difference undone.
 */
const DOUBLE_QUOTED = /""([^"]*)""/g;

export function normalizeJson(line: string): string {
  line = line.replace(DOUBLE_QUOTED, '"$1"');
  const match = VARYING.exec(line);
  if (!match) throw new Error(`not an ExaBGP 4.0.1 JSON line: ${line.slice(0, 120)}`);
  const counter = match[1] ? '"counter": 1, ' : '';
  return `{ "exabgp": "4.0.1", "time": 0.0, "host" : "host", "pid" : 1, "ppid" : 1, ${counter}` + line.slice(match[0].length);
}
