/**
 * ExaBGP's own MVPN vectors (spec/fixtures/mvpn/conf-mvpn.ci and api-mvpn.ci: ExaBGP's
 * qa/encoding/conf-mvpn.ci and qa/api/api-mvpn.ci at commit 4460078e, each an API command, the UPDATE ExaBGP sends for it and the JSON ExaBGP decodes
 * from it) both ways:
 * - the raw UPDATE decoded by rxbgp gives the JSON ExaBGP's repository expects for its NLRI, and
 *   encodes back to the same attribute octets;
 * - the command given to rxbgp's API grammar and `rxbgp encode` core gives the same NLRI, next hop and
 *   extended communities.
 * ExaBGP 4.2 does not know SAFI 5 (protocol/family.py comments mcast_vpn out), so ExaBGP 5's JSON is
 * the reference; types 1-4, which ExaBGP 5 does not decode either, print as its GenericMVPN.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import { updateMessageBody } from '../../../lib/api/exabgp-json/update';
import { messageText } from '../../../lib/api/exabgp-text';
import { encodeRouteCommand } from '../../../lib/cli/commands/encode-updates';
import { familyContext } from '../../../lib/families/family-context';
import { mvpnJsonItem } from '../../../lib/families/mvpn/json';
import type { MvpnRoute } from '../../../lib/families/mvpn/types';
import { endOfRib } from '../../../lib/wire/end-of-rib';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { CASE_NEIGHBOR } from '../../api/exabgp-json/helpers/cases';
import { updateAttributes } from '../../helpers/update-attributes';

interface Vector {
  readonly commands: string[];
  readonly raw: string;
  readonly json: { neighbor: { message: { update: { announce?: Record<string, Record<string, unknown[]>>; withdraw?: Record<string, unknown[]> } } } };
}

/** The cmd / raw / json triples of a .ci file, in order; `eor` gets its End-of-RIB cmd / raw pairs. */
function vectors(file: string, eor: Array<[string, string]> = []): Vector[] {
  const lines = readFileSync(join(__dirname, '..', '..', 'fixtures', 'mvpn', file), 'utf8').split('\n');
  const out: Vector[] = [];
  let commands: string[] = [];
  let raw = '';
  for (const line of lines) {
    const m = /^\d+:(cmd|raw|json):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'cmd') commands = m[2].replace(/^group /, '').split(' ; ');
    else if (m[1] === 'raw') {
      raw = m[2].replace(/:/g, '');
      if (commands[0].startsWith('announce eor ')) eor.push([commands[0], raw]);
    } else out.push({ commands, raw, json: JSON.parse(m[2]) });
  }
  return out;
}

const VECTORS = vectors('conf-mvpn.ci');
const EOR: Array<[string, string]> = [];
/** ExaBGP's qa/api/api-mvpn.ci (same commit): one route per UPDATE, and End-of-RIB. */
const API_VECTORS = vectors('api-mvpn.ci', EOR);
const ctx = familyContext(DEFAULT_CONTEXT);
const attributesOf = (message: Buffer, skip: readonly number[] = []): Map<number, string> =>
  new Map(updateAttributes(message).filter((a) => !skip.includes(a.type)).map((a) => [a.type, a.value.toString('hex')]));

function decoded(raw: string): UpdateMessage {
  const m = decodeMessage(Buffer.from(raw, 'hex'), ctx);
  if (m.type !== 'update') throw new Error(`not an UPDATE: ${m.type}`);
  return m;
}

describe("ExaBGP's MVPN vectors (qa/encoding/conf-mvpn.ci, qa/api/api-mvpn.ci)", () => {
  it('holds source-ad, shared-join and source-join, IPv4 and IPv6', () => {
    expect(VECTORS).toHaveLength(4);
    const codes = VECTORS.flatMap((v) => Object.values(v.json.neighbor.message.update.announce ?? {}).flatMap((byNh) => Object.values(byNh).flat() as Array<{ code: number }>)).map((r) => r.code);
    expect(codes.sort()).toEqual([5, 5, 6, 6, 7, 7]);
    // Six announcements, then the same six routes withdrawn.
    expect(API_VECTORS.map((v) => Object.keys(v.json.neighbor.message.update).sort().join())).toEqual([...Array(6).fill('announce,attribute'), ...Array(6).fill('attribute,withdraw')]);
    expect(EOR).toHaveLength(2);
  });

  it.each(EOR)("reads ExaBGP's End-of-RIB for `%s` (MP_UNREACH_NLRI with the extended-length flag)", (command, raw) => {
    const afi = command.includes('ipv6') ? 2 : 1;
    const m = decoded(raw);
    expect(endOfRib(m)).toEqual({ afi, safi: 5 });
    expect(parseCommand(command)).toMatchObject({ ok: true, command: { kind: 'announce-eor', family: { afi, safi: 5 } } });
  });

  it.each([...VECTORS, ...API_VECTORS].map((v, i) => [i + 1, v] as const))('vector %i: the UPDATE decodes to the announce JSON ExaBGP expects and encodes back', (_i, v) => {
    const m = decoded(v.raw);
    expect(m.errorAction).toBeUndefined();
    const body = JSON.parse(`{ ${updateMessageBody(m, 'in', ctx)} }`);
    expect(body.update.announce).toEqual(v.json.neighbor.message.update.announce);
    expect(body.update.withdraw).toEqual(v.json.neighbor.message.update.withdraw);
    expect(attributesOf(encodeMessage(m, ctx))).toEqual(attributesOf(Buffer.from(v.raw, 'hex')));
  });

  it.each([...VECTORS, ...API_VECTORS].map((v, i) => [i + 1, v] as const))('vector %i: the API command encodes to the NLRI, next hop and communities ExaBGP sends', async (_i, v) => {
    const expected = attributesOf(Buffer.from(v.raw, 'hex'));
    if (v.commands[0].startsWith('withdraw ')) {
      // A withdrawal: the same MP_UNREACH_NLRI. ExaBGP also sends the route's attributes with it, which
      // RFC 4760 §4 does not need and rxbgp leaves out.
      const parsed = parseCommand(v.commands[0]);
      if (!parsed.ok) throw new Error(parsed.error);
      const [message] = await encodeRouteCommand(parsed.command, { asn4: true, localAs: 65000, peerAs: 65000 });
      expect(attributesOf(message).get(15)).toBe(expected.get(15));
      return;
    }
    const nlri: string[] = [];
    let header = '';
    let communities = '';
    for (const command of v.commands) {
      const parsed = parseCommand(command);
      if (!parsed.ok) throw new Error(parsed.error);
      const [message] = await encodeRouteCommand(parsed.command, { asn4: true, localAs: 65000, peerAs: 65000 });
      const attributes = attributesOf(message);
      const reach = attributes.get(14)!;
      const nhLength = parseInt(reach.slice(6, 8), 16);
      header = reach.slice(0, 8 + nhLength * 2 + 2);
      nlri.push(reach.slice(8 + nhLength * 2 + 2));
      communities = attributes.get(16)!;
    }
    // ExaBGP also sends a NEXT_HOP attribute (type 3) in an UPDATE without IPv4 unicast NLRI; RFC 4760 §3 does not need it.
    expect(header + nlri.join('')).toBe(expected.get(14));
    expect(communities).toBe(expected.get(16));
  });

  it("prints each decoded route as ExaBGP's json() does, spacing included", () => {
    const item = decoded(VECTORS[2].raw).announced[0];
    const route: MvpnRoute = { type: 5, rd: { type: 0, admin: 65000, assigned: 99999 }, source: '10.99.12.4', group: '239.251.255.228' };
    expect(item.prefixes).toEqual(['source-ad rd 65000:99999 source 10.99.12.4 group 239.251.255.228']);
    expect(mvpnJsonItem(route)).toBe('{ "code": 5, "parsed": true, "raw": "05120000FDE80001869F200A630C0420EFFBFFE4", "name": "Source Active A-D Route", "rd": "65000:99999", "source": "10.99.12.4", "group": "239.251.255.228"}');
    expect(mvpnJsonItem({ type: 2, rd: { type: 0, admin: 65000, assigned: 1 }, sourceAs: 65001 })).toBe('{ "code": 2, "parsed": false, "raw": "020C0000FDE8000000010000FDE9" }');
  });

  it("prints ExaBGP 5's text event: the family and the next hop", () => {
    const text = messageText(CASE_NEIGHBOR, decoded(VECTORS[1].raw), 'receive', ctx);
    expect(text).toContain('announced afi ipv6 safi mcast-vpn next-hop 10.10.6.3');
  });
});
