/**
 * Sink events as one JSON object per line, in one of two formats:
 * - "exabgp": ExaBGP 4.0.1's JSON, byte for byte as on stdout and to helpers (scripts written for
 *   ExaBGP read it unchanged);
 * - "compact": the same facts in fewer bytes, for pipelines that store every update: prefixes as
 *   plain strings, no envelope, times in seconds with milliseconds:
 *   {"time":1795267048.421,"neighbor":"a","peer":"127.0.0.1","peerAs":65001,"type":"update","direction":"receive",
 *    "announce":{"ipv4 unicast":{"198.51.100.1":["10.0.0.0/24"]}},"withdraw":{"ipv4 unicast":["10.1.0.0/24"]},
 *    "attribute":{"origin":"igp","as-path":[65001],...}}
 *   An End-of-RIB (RFC 4724 §2) says so, with its family's names as ExaBGP's JSON gives them
 *   (`"eor": { "afi" : "ipv4", "safi" : "unicast" }`), for every family alike:
 *   {"time":…,"type":"update","direction":"receive","eor":{"afi":"ipv6","safi":"unicast"}}
 */
import { jsonNeighbor, receiveContext } from './json-neighbor';
import { attributeMembers, hasAttributes } from '../api/exabgp-json/attributes';
import { afiName, familyName, safiName } from '../wire/family-names';
import { endOfRib } from '../wire/end-of-rib';
import {
  defaultEnvelopeSource,
  fsmJson,
  messageJson,
  stateJson,
  updateJson,
  type JsonEnvelopeSource,
} from '../api/exabgp-json';
import type { EventPeer } from '../events/event-peer';
import type { CodecContext, UpdateMessage } from '../wire/types';
import type { SinkEvent } from './sink';

export type SinkFormat = 'exabgp' | 'compact';

export class EventLines {
  /** ExaBGP numbers events per neighbor ("counter"): one source each. */
  private readonly sources = new WeakMap<EventPeer, JsonEnvelopeSource>();

  constructor(private readonly format: SinkFormat) {}

  /** The event's line (without newline), or undefined for an event this format does not carry. */
  line(e: SinkEvent): string | undefined {
    return this.format === 'exabgp' ? this.exabgp(e) : compact(e);
  }

  private exabgp({ neighbor, event: e }: SinkEvent): string | undefined {
    const n = jsonNeighbor(neighbor);
    let src = this.sources.get(neighbor);
    if (!src) this.sources.set(neighbor, (src = defaultEnvelopeSource()));
    switch (e.kind) {
      case 'connected':
      case 'up':
        return stateJson(src, { ...n, localAddress: e.localAddress || n.localAddress }, e.kind);
      case 'down':
        return stateJson(src, n, 'down', e.reason);
      case 'fsm':
        return fsmJson(src, n, e.from, e.to);
      case 'update':
        return updateJson(src, n, e.message, e.direction, receiveContext(neighbor));
      case 'message':
        return messageJson(src, n, e.message, e.direction, receiveContext(neighbor));
      default:
        return undefined;
    }
  }
}

function compact({ neighbor, event: e, time }: SinkEvent): string | undefined {
  const head = `{"time":${(time / 1000).toFixed(3)},"neighbor":${JSON.stringify(neighbor.name)},"peer":"${neighbor.endpoint.peerAddress}","peerAs":${neighbor.settings.peerAs}`;
  switch (e.kind) {
    case 'connected':
    case 'up':
      return `${head},"type":"state","state":"${e.kind}"}`;
    case 'down':
      return `${head},"type":"state","state":"down","reason":${JSON.stringify(e.reason)}}`;
    case 'fsm':
      return `${head},"type":"fsm","from":"${e.from}","to":"${e.to}"}`;
    case 'update':
      return `${head},"type":"update","direction":"${e.direction}"${compactUpdate(e.message, receiveContext(neighbor))}}`;
    case 'message': {
      const m = e.message;
      if (m.type === 'notification') {
        return `${head},"type":"notification","direction":"${e.direction}","code":${m.code},"subcode":${m.subcode},"data":"${m.data.toString('hex')}"}`;
      }
      if (m.type === 'open') return `${head},"type":"open","direction":"${e.direction}","myAs":${m.myAs},"holdTime":${m.holdTime},"routerId":"${m.bgpId}"}`;
      if (m.type === 'keepalive') return `${head},"type":"keepalive","direction":"${e.direction}"}`;
      if (m.type === 'route-refresh') return `${head},"type":"refresh","direction":"${e.direction}","family":"${familyName(m.afi, m.safi)}","subtype":${m.subtype}}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

function compactUpdate(msg: UpdateMessage, ctx: CodecContext): string {
  const eor = endOfRib(msg);
  if (eor) return `,"eor":{"afi":${JSON.stringify(afiName(eor.afi))},"safi":${JSON.stringify(safiName(eor.safi))}}`;
  let out = '';
  if (msg.announced.length) {
    const families = new Map<string, string[]>();
    for (const list of msg.announced) {
      const key = familyName(list.afi, list.safi);
      const byHop = families.get(key) ?? [];
      byHop.push(`${JSON.stringify(list.nextHop.join(','))}:${JSON.stringify(list.prefixes)}`);
      families.set(key, byHop);
    }
    out += `,"announce":{${[...families].map(([f, hops]) => `"${f}":{${hops.join(',')}}`).join(',')}}`;
  }
  if (msg.withdrawn.length) {
    const families = new Map<string, string[]>();
    for (const list of msg.withdrawn) {
      const key = familyName(list.afi, list.safi);
      families.set(key, [...(families.get(key) ?? []), ...list.prefixes]);
    }
    out += `,"withdraw":{${[...families].map(([f, p]) => `"${f}":${JSON.stringify(p)}`).join(',')}}`;
  }
  if (msg.announced.length && hasAttributes(msg)) out += `,"attribute":{${attributeMembers(msg, ctx.asn4)}}`;
  return out;
}
