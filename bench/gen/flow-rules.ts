/**
 * The FlowSpec rules the flow-* cases send (RFC 8955): N distinct DDoS-mitigation rules, each an
 * `announce flow route …` line as detectors and web tools write them to ExaBGP's process API.
 * Rule i protects victim 10.64.0.0 + i (a /32, so every rule is distinct) with one of four shapes:
 *
 * - FastNetMon's block form (its ExaBGP flow announcer), discard: a DNS reflection (UDP from port 53)
 *   and an NTP reflection (UDP from port 123, packets of 468 octets and more);
 * - ExaFS's one-line form, rate-limit: a source /32 + destination + TCP port 80, and a SYN flood on
 *   port 443.
 *
 * The same lines go to rxbgp and to ExaBGP 4.2 (both take every shape), and their UPDATEs are what
 * flow-decode decodes. The text is made per index, never kept as a list beyond the file written.
 */
import fs from 'fs';

/** The first victim: 10.64.0.0, then one /32 up per rule, far below 127/8 for any N the bench takes. */
export const FIRST_VICTIM = (10 << 24) + (64 << 16);
/** Attack sources in the ExaFS rules: 192.0.2.0/24 (RFC 5737), one /32 per rule. */
const SOURCE_BASE = (192 << 24) + (0 << 16) + (2 << 8);
/** At most 2^22 victims: 10.64.0.0–10.127.255.255. */
export const MAX_FLOW_RULES = 1 << 22;

function dotted(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The victim of rule i, as the rule writes it. */
export function flowVictim(i: number): string {
  return `${dotted(FIRST_VICTIM + i)}/32`;
}

/** Rule i's text after `announce flow route ` (no newline). */
export function flowRuleText(i: number): string {
  const dst = flowVictim(i);
  switch (i % 4) {
    case 0:
      return `{ match { destination ${dst}; protocol udp; source-port =53; } then { discard; } }`;
    case 1:
      return `{ match { destination ${dst}; protocol udp; source-port =123; packet-length >=468; } then { discard; } }`;
    case 2:
      return `source ${dotted(SOURCE_BASE + (i & 255))}/32 destination ${dst} protocol [ tcp ] destination-port [ =80 ] rate-limit 1024`;
    default:
      return `destination ${dst} protocol [ tcp ] destination-port [ =443 ] tcp-flags [ syn ] rate-limit 9600`;
  }
}

/** The whole API line for rule i, newline included. */
export function flowAnnounceLine(i: number): string {
  return `announce flow route ${flowRuleText(i)}\n`;
}

/** Writes rules [0, count) as API lines to `file`, in chunks; returns the bytes written. */
export function writeFlowRuleLines(file: string, count: number): number {
  if (!Number.isInteger(count) || count < 1 || count > MAX_FLOW_RULES) throw new Error(`flow rules: count must be 1–${MAX_FLOW_RULES}, got ${count}`);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    for (let start = 0; start < count; start += 8192) {
      let chunk = '';
      for (let i = start, end = Math.min(count, start + 8192); i < end; i++) chunk += flowAnnounceLine(i);
      bytes += fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}
