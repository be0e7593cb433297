/**
 * OPEN events (json.py `open()`): `"open": { "version": 4, "asn": …, "hold_time": …, "router_id": "…",
 * "capabilities": { "<code>": {…}, … } }`.
 *
 * ExaBGP keeps capabilities in a dictionary keyed by code: a code seen again (one Multiprotocol
 * capability per family, RFC 4760) adds to the entry made the first time, in its place.
 * Each entry is printed by the capability's json() in exabgp/bgp/message/open/capability/.
 */
import { CapabilityCode } from '../../wire/iana';
import type { Capability, OpenMessage } from '../../wire/types';
import { hexString, neighborEvent, type JsonDirection, type JsonEnvelopeSource, type JsonNeighbor } from './envelope';
import { capabilityCode, MULTISESSION, MULTISESSION_CISCO, nextHopTriples, OPERATIONAL } from './capability-code';
import { afiName, familySlashName } from '../../wire/family-names';

const ADD_PATH_MODES: Readonly<Record<number, string>> = { 0: 'disabled', 1: 'receive', 2: 'send', 3: 'send/receive' };

/** What ExaBGP holds for one capability code. */
type Entry =
  | { kind: 'families'; families: string[] } // Multiprotocol
  | { kind: 'fixed'; json: string }
  | { kind: 'add-path'; modes: Map<string, number> }
  | { kind: 'graceful'; flags: number; time: number; families: Map<string, number> }
  | { kind: 'nexthop'; conversions: string[] } // RFC 8950 extended next hop
  | { kind: 'unknown'; code: number; raw: Buffer };

/** The bytes of the FQDN capability, which ExaBGP 4.2 does not know (its hostname code is 184). */
function hostnameValue(hostname: string, domain: string): Buffer {
  const host = Buffer.from(hostname, 'utf8');
  const dom = Buffer.from(domain, 'utf8');
  return Buffer.concat([Buffer.from([host.length]), host, Buffer.from([dom.length]), dom]);
}

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

function collect(caps: readonly Capability[]): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  const refreshVariant = lastOf(caps, CapabilityCode.ROUTE_REFRESH, CapabilityCode.ROUTE_REFRESH_CISCO) === CapabilityCode.ROUTE_REFRESH ? 'RFC' : 'Cisco';
  const sessionVariant = lastOf(caps, MULTISESSION, MULTISESSION_CISCO) === MULTISESSION ? 'RFC' : 'Cisco';
  for (const cap of caps) {
    const code = capabilityCode(cap);
    const entry = entries.get(code);
    switch (cap.kind) {
      case 'multiprotocol':
        if (entry?.kind === 'families') entry.families.push(familySlashName(cap.afi, cap.safi));
        else entries.set(code, { kind: 'families', families: [familySlashName(cap.afi, cap.safi)] });
        break;
      case 'route-refresh':
      case 'route-refresh-cisco':
        entries.set(code, { kind: 'fixed', json: `{ "name": "route-refresh", "variant": "${refreshVariant}" }` });
        break;
      case 'enhanced-route-refresh':
        entries.set(code, { kind: 'fixed', json: '{ "name": "enhanced-route-refresh" }' });
        break;
      case 'asn4':
        entries.set(code, { kind: 'fixed', json: `{ "name": "asn4", "asn4": ${cap.asn} }` });
        break;
      case 'extended-message':
        entries.set(code, { kind: 'fixed', json: '{ "name": "extended-message", "size": 65535 }' });
        break;
      case 'add-path': {
        const modes = entry?.kind === 'add-path' ? entry.modes : new Map<string, number>();
        for (const f of cap.families) modes.set(familySlashName(f.afi, f.safi), f.mode);
        if (!entry) entries.set(code, { kind: 'add-path', modes });
        break;
      }
      case 'graceful-restart': {
        // RFC 4724 §3: a second capability overwrites flags and time and adds families.
        const families = entry?.kind === 'graceful' ? entry.families : new Map<string, number>();
        for (const f of cap.families) families.set(familySlashName(f.afi, f.safi), f.flags & 0x80);
        entries.set(code, { kind: 'graceful', flags: cap.flags, time: cap.restartTime & 0x0fff, families });
        break;
      }
      case 'hostname':
        entries.set(code, { kind: 'unknown', code, raw: hostnameValue(cap.hostname, cap.domain) });
        break;
      case 'unknown':
        if (code === CapabilityCode.EXTENDED_NEXT_HOP) {
          const conversions = entry?.kind === 'nexthop' ? entry.conversions : [];
          for (const [afi, safi, nextHopAfi] of nextHopTriples(cap.value)) {
            const text = `${familySlashName(afi, safi)}/${afiName(nextHopAfi)}`;
            if (!conversions.includes(text)) conversions.push(text);
          }
          if (!entry) entries.set(code, { kind: 'nexthop', conversions });
        } else if (code === MULTISESSION || code === MULTISESSION_CISCO) {
          // ExaBGP never fills the list of grouped capabilities it decodes.
          entries.set(code, { kind: 'fixed', json: `{ "name": "multisession", "variant": "${sessionVariant}", "capabilities": [ ] }` });
        } else if (code === OPERATIONAL) {
          entries.set(code, { kind: 'fixed', json: '{ "name": "operational" }' });
        } else {
          entries.set(code, { kind: 'unknown', code, raw: cap.value });
        }
        break;
    }
  }
  return entries;
}

function entryJson(entry: Entry): string {
  switch (entry.kind) {
    case 'fixed':
      return entry.json;
    case 'families':
      return `{ "name": "multiprotocol", "families": [${entry.families.map((f) => ` "${f}"`).join(',')} ] }`;
    case 'add-path': {
      const families = [...entry.modes].map(([f, mode]) => `"${f}": "${ADD_PATH_MODES[mode] ?? 'invalid'}"`).join(',');
      return `{ "name": "addpath"${families ? ', ' : ''}${families} }`;
    }
    case 'graceful': {
      // ExaBGP labels the per-family Forwarding bit "restart" and the Restart bit "forwarding".
      const families = [...entry.families].map(([f, flag]) => `"${f}": [${flag & 0x80 ? ' "restart"' : ''} ] `).join(', ');
      return (
        `{ "name": "graceful restart", "time": ${entry.time}, "address-family-flags": { ${families}}, ` +
        `"restart-flags": [${entry.flags & 0x8 ? ' "forwarding" ' : ' '}] }`
      );
    }
    case 'nexthop':
      return `{ "name": "nexthop", "conversion": [${entry.conversions.map((c) => ` "${c}"`).join(',')} ] }`;
    case 'unknown': {
      // RFC 5492 §4 reserves 128-255 for private use; ExaBGP calls 70-127 unassigned.
      const iana = entry.code >= 128 ? 'reserved' : entry.code >= 70 ? 'unassigned' : 'unknown';
      return `{ "name": "unknown", "iana": "${iana}", "value": ${entry.code}, "raw": "${hexString(entry.raw).slice(2)}" }`;
    }
  }
}

/** The `"capabilities": { … }` object. */
export function capabilitiesJson(caps: readonly Capability[]): string {
  const members: string[] = [];
  for (const [code, entry] of collect(caps)) members.push(`"${code}": ${entryJson(entry)}`);
  return `{ ${members.join(', ')} }`;
}

/** What goes after the neighbor's direction for an OPEN. */
export function openContent(msg: OpenMessage): string {
  return (
    `"open": { "version": ${msg.version}, "asn": ${msg.myAs}, "hold_time": ${msg.holdTime}, ` +
    `"router_id": "${msg.bgpId}", "capabilities": ${capabilitiesJson(msg.capabilities)} }`
  );
}

export function openJson(src: JsonEnvelopeSource, n: JsonNeighbor, msg: OpenMessage, direction: JsonDirection): string {
  return neighborEvent(src, n, 'open', direction, openContent(msg));
}
