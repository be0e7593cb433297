/**
 * ExaBGP's own command/packet pairs (Exa-Networks/exabgp qa/encoding/conf-flow*.ci and
 * qa/api/api-*flow*.ci; data only): each `announce|withdraw ipv4|ipv6 flow|flow-vpn ...` line
 * parsed here must give the NLRI, next hop and communities of the UPDATE ExaBGP sent for it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { encodeFlowRule, parseFlowRoute, type FlowAfi } from '../../../lib/families/flowspec';
import { Writer } from '../../../lib/wire/writer';
import { toHex } from '../../helpers/hex';
import { attributeValues } from './helpers/attributes';
import { nextHopText } from './helpers/flow-json';
import { mpFields } from './helpers/mp-attributes';

interface CommandVector {
  readonly name: string;
  readonly command: string;
  readonly hex: string;
}

const VECTORS: CommandVector[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'exabgp-qa-commands.json'), 'utf8'));

/** ExaBGP 6's generic `attribute [ code flags data ]` is not a flow keyword in ExaBGP 4.2's API nor here. */
const REFUSED = new Map([['encoding/conf-flow-redirect.ci:14', /unknown flow keyword: "attribute"/]]);

/**
 * ExaBGP sends `source-ipv6 ::1/128/120` with all 16 octets of the address; RFC 8956 §3.1 sends the
 * pattern after the offset only: 8 bits here, the octet 0x01.
 */
const RFC_NLRI = new Map([
  ['encoding/conf-flow.ci:36', '21 0180002a020b80001500007aca39fffeaea87a 02807801 038111 0b8165 0d9107dd'.replace(/ /g, '')],
]);

function splitCommand(command: string): { afi: FlowAfi; safi: 133 | 134; from: number } {
  const match = /^(announce|withdraw) (ipv4|ipv6) (flow|flow-vpn) /.exec(command)!;
  return { afi: match[2] === 'ipv4' ? 1 : 2, safi: match[3] === 'flow' ? 133 : 134, from: match[0].length };
}

const sorted = <T>(values: readonly T[]): T[] => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe.each(VECTORS.map((v) => [v.name, v] as const))('ExaBGP command %s', (name, vector) => {
  it('parses to the NLRI, next hop and communities ExaBGP sent', () => {
    const { afi, safi, from } = splitCommand(vector.command);
    const parsed = parseFlowRoute(vector.command, { from, afi, safi });
    const refused = REFUSED.get(name);
    if (refused) {
      expect(parsed.ok ? 'parsed' : parsed.error).toMatch(refused);
      return;
    }
    if (!parsed.ok) throw new Error(parsed.error);
    const { route } = parsed;
    const message = Buffer.from(vector.hex, 'hex');
    const fields = mpFields(message);
    const field = vector.command.startsWith('announce') ? fields.reach! : fields.unreach!;
    expect(route.family).toEqual({ afi: field.afi, safi: field.safi });

    const w = new Writer(64);
    encodeFlowRule(w, route.rule, route.family);
    expect(toHex(w.view())).toBe(RFC_NLRI.get(name) ?? toHex(message.subarray(field.start, field.end)));

    if (vector.command.startsWith('withdraw')) return;
    expect(route.actions.nextHop).toBe(nextHopText(field.nextHop));
    const attributes = attributeValues(message);
    expect(sorted(route.actions.extendedCommunities ?? [])).toEqual(sorted(attributes.extendedCommunities));
    expect(sorted(route.actions.communities ?? [])).toEqual(sorted(attributes.communities));
  });
});
