/**
 * ExaBGP's own MVPN vectors (spec/fixtures/mvpn/conf-mvpn.ci: ExaBGP's qa/encoding/conf-mvpn.ci at
 * commit 4460078e, each an API command, the UPDATE ExaBGP sends for it and the JSON ExaBGP decodes
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
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { CASE_NEIGHBOR } from '../../api/exabgp-json/helpers/cases';
import { updateAttributes } from '../../helpers/update-attributes';

interface Vector {
  readonly commands: string[];
  readonly raw: string;
  readonly json: { neighbor: { message: { update: { announce: Record<string, Record<string, unknown[]>> } } } };
}

/** The cmd / raw / json triples of the .ci file, in order. */
function vectors(): Vector[] {
  const lines = readFileSync(join(__dirname, '..', '..', 'fixtures', 'mvpn', 'conf-mvpn.ci'), 'utf8').split('\n');
  const out: Vector[] = [];
  let commands: string[] = [];
  let raw = '';
  for (const line of lines) {
    const m = /^\d+:(cmd|raw|json):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'cmd') commands = m[2].replace(/^group /, '').split(' ; ');
    else if (m[1] === 'raw') raw = m[2].replace(/:/g, '');
    else out.push({ commands, raw, json: JSON.parse(m[2]) });
  }
  return out;
}

const VECTORS = vectors();
const ctx = familyContext(DEFAULT_CONTEXT);
const attributesOf = (message: Buffer, skip: readonly number[] = []): Map<number, string> =>
  new Map(updateAttributes(message).filter((a) => !skip.includes(a.type)).map((a) => [a.type, a.value.toString('hex')]));

function decoded(raw: string): UpdateMessage {
  const m = decodeMessage(Buffer.from(raw, 'hex'), ctx);
  if (m.type !== 'update') throw new Error(`not an UPDATE: ${m.type}`);
  return m;
}

describe("ExaBGP's MVPN vectors (qa/encoding/conf-mvpn.ci)", () => {
  it('holds source-ad, shared-join and source-join, IPv4 and IPv6', () => {
    expect(VECTORS).toHaveLength(4);
    const codes = VECTORS.flatMap((v) => Object.values(v.json.neighbor.message.update.announce).flatMap((byNh) => Object.values(byNh).flat() as Array<{ code: number }>)).map((r) => r.code);
    expect(codes.sort()).toEqual([5, 5, 6, 6, 7, 7]);
  });

  it.each(VECTORS.map((v, i) => [i + 1, v] as const))('vector %i: the UPDATE decodes to the announce JSON ExaBGP expects and encodes back', (_i, v) => {
    const m = decoded(v.raw);
    expect(m.errorAction).toBeUndefined();
    const body = JSON.parse(`{ ${updateMessageBody(m, 'in', ctx)} }`);
    expect(body.update.announce).toEqual(v.json.neighbor.message.update.announce);
    expect(attributesOf(encodeMessage(m, ctx))).toEqual(attributesOf(Buffer.from(v.raw, 'hex')));
  });

  it.each(VECTORS.map((v, i) => [i + 1, v] as const))('vector %i: the API command encodes to the NLRI, next hop and communities ExaBGP sends', async (_i, v) => {
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
    const expected = attributesOf(Buffer.from(v.raw, 'hex'));
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
