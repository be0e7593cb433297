/**
 * OPEN events (text.py `open()`):
 * "open version 4 asn A hold_time H router_id R capabilities [c1, c2, …]".
 *
 * ExaBGP keeps capabilities in a dictionary keyed by code (a code seen again adds to its entry,
 * e.g. one Multiprotocol capability per family, RFC 4760), prints them sorted by code with each
 * capability class's __str__ (exabgp/bgp/message/open/capability/), and lower-cases the lot.
 */
import { CapabilityCode } from '../../wire/iana';
import type { Capability, OpenMessage } from '../../wire/types';
import { capabilityCode, MULTISESSION, MULTISESSION_CISCO, nextHopTriples, OPERATIONAL } from '../exabgp-json/capability-code';
import type { JsonDirection, JsonNeighbor } from '../exabgp-json/envelope';
import { afiName, familyName, safiName } from '../../wire/family-names';

const ADD_PATH_MODES: Readonly<Record<number, string>> = { 0: 'disabled', 1: 'receive', 2: 'send', 3: 'send/receive' };

/** What ExaBGP holds for one capability code. */
type Entry =
  | { kind: 'list'; name: string; items: string[] } // "name(item,item)": multiprotocol, addpath, nexthop
  | { kind: 'fixed'; text: string }
  | { kind: 'graceful'; flags: number; time: number; families: Map<string, number> };

/**
 * ExaBGP sets the class attribute ID of a capability class shared by two codes each time it looks
 * the class up, so every route-refresh (2 / 128) or multisession (68 / 131) entry of an OPEN prints
 * the variant of the last such code in it.
 */
function lastOf(caps: readonly Capability[], a: number, b: number): number | undefined {
  let last: number | undefined;
  for (const cap of caps) {
    const code = capabilityCode(cap);
    if (code === a || code === b) last = code;
  }
  return last;
}

/** UnknownCapability.__str__: RFC 5492 §4 reserves 128-255 for private use; ExaBGP calls 70-127 unassigned. */
function unknownText(code: number): string {
  return `${code >= 128 ? 'reserved' : code >= 70 ? 'unassigned' : 'unknown'} ${code}`;
}

function addToList(entries: Map<number, Entry>, code: number, name: string, item: string, once = false): void {
  const entry = entries.get(code);
  if (entry?.kind === 'list') {
    if (!once || !entry.items.includes(item)) entry.items.push(item);
  } else entries.set(code, { kind: 'list', name, items: [item] });
}

function collect(caps: readonly Capability[]): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  const addPathModes = new Map<string, number>();
  const refresh = lastOf(caps, CapabilityCode.ROUTE_REFRESH, CapabilityCode.ROUTE_REFRESH_CISCO) === CapabilityCode.ROUTE_REFRESH ? 'route refresh' : 'cisco route refresh';
  const session = lastOf(caps, MULTISESSION, MULTISESSION_CISCO) === MULTISESSION ? 'multisession (rfc) ' : 'multisession ';
  for (const cap of caps) {
    const code = capabilityCode(cap);
    switch (cap.kind) {
      case 'multiprotocol':
        addToList(entries, code, 'multiprotocol', familyName(cap.afi, cap.safi));
        break;
      case 'route-refresh':
      case 'route-refresh-cisco':
        entries.set(code, { kind: 'fixed', text: refresh });
        break;
      case 'enhanced-route-refresh':
        entries.set(code, { kind: 'fixed', text: 'enhanced route refresh' });
        break;
      case 'asn4':
        entries.set(code, { kind: 'fixed', text: `asn4(${cap.asn})` });
        break;
      case 'extended-message': // RFC 8654
        entries.set(code, { kind: 'fixed', text: 'extended message(65535)' });
        break;
      case 'add-path':
        // RFC 7911: one mode per family; a family seen again keeps its place with the new mode.
        for (const f of cap.families) addPathModes.set(familyName(f.afi, f.safi), f.mode);
        entries.set(code, { kind: 'list', name: 'addpath', items: [...addPathModes].map(([f, m]) => `${ADD_PATH_MODES[m] ?? 'invalid'} ${f}`) });
        break;
      case 'graceful-restart': {
        // RFC 4724 §3: a second capability overwrites flags and time and adds families.
        const entry = entries.get(code);
        const families = entry?.kind === 'graceful' ? entry.families : new Map<string, number>();
        for (const f of cap.families) families.set(`${afiName(f.afi)}/${safiName(f.safi)}`, f.flags & 0x80);
        entries.set(code, { kind: 'graceful', flags: cap.flags, time: cap.restartTime & 0x0fff, families });
        break;
      }
      case 'hostname': // FQDN (code 73) is unassigned to ExaBGP 4.2, whose hostname code is 184
        entries.set(code, { kind: 'fixed', text: unknownText(code) });
        break;
      case 'unknown':
        if (code === CapabilityCode.EXTENDED_NEXT_HOP) {
          // RFC 8950: "nexthop(ipv4 unicast ipv6,…)", each triple once.
          for (const [afi, safi, nextHopAfi] of nextHopTriples(cap.value)) {
            addToList(entries, code, 'nexthop', `${familyName(afi, safi)} ${afiName(nextHopAfi)}`, true);
          }
          if (!entries.has(code)) entries.set(code, { kind: 'list', name: 'nexthop', items: [] });
        } else if (code === MULTISESSION || code === MULTISESSION_CISCO) {
          // ExaBGP never fills the list of grouped capabilities it decodes.
          entries.set(code, { kind: 'fixed', text: session });
        } else if (code === OPERATIONAL) {
          entries.set(code, { kind: 'fixed', text: 'operational' });
        } else {
          entries.set(code, { kind: 'fixed', text: unknownText(code) });
        }
        break;
    }
  }
  return entries;
}

function entryText(entry: Entry): string {
  switch (entry.kind) {
    case 'fixed':
      return entry.text;
    case 'list':
      return `${entry.name}(${entry.items.join(',')})`;
    case 'graceful': {
      // Graceful.__str__: Python's hex() of the flags and of each family's Forwarding State bit.
      const families = [...entry.families].map(([f, flag]) => `${f}=0x${flag.toString(16)}`).join(' ');
      return `graceful restart flags 0x${entry.flags.toString(16)} time ${entry.time} ${families}`;
    }
  }
}

/** The text inside "capabilities [ … ]", sorted by capability code. */
export function capabilitiesText(caps: readonly Capability[]): string {
  const entries = [...collect(caps)].sort((a, b) => a[0] - b[0]);
  return entries.map(([, entry]) => entryText(entry)).join(', ').toLowerCase();
}

export function openText(n: JsonNeighbor, msg: OpenMessage, direction: JsonDirection): string {
  return (
    `neighbor ${n.peerAddress} ${direction} open version ${msg.version} asn ${msg.myAs} hold_time ${msg.holdTime} ` +
    `router_id ${msg.bgpId} capabilities [${capabilitiesText(msg.capabilities)}]`
  );
}
