/**
 * `announce rtc ...` / `withdraw rtc ...` (rxbgp's form: ExaBGP has no RTC command) read by the
 * process-API parser and sent as the daemon sends it (`rxbgp encode`), compared with the UPDATEs of
 * spec/fixtures/simple-families/vectors.json built from RFC 4684 §4, and the errors it gives.
 */
import { join } from 'path';
import { parseCommand } from '../../../lib/api/commands/parse-command';
import { encodeRouteCommand } from '../../../lib/cli/commands/encode-updates';
import { routeText } from '../../../lib/api-runtime/route-text';
import { readVectors } from '../../helpers/family-vectors';
import { updateAttributes } from '../../helpers/update-attributes';

const VECTORS = readVectors(join(__dirname, '..', '..', 'fixtures', 'simple-families', 'vectors.json'));
const hexOf = (name: string): string => VECTORS.find((v) => v.name === name)!.hex;

function attributes(message: Buffer): string[] {
  return updateAttributes(message)
    .map((a) => `${a.type}:${a.flags.toString(16)}:${a.value.toString('hex')}`)
    .sort();
}

async function encode(line: string): Promise<Buffer[]> {
  const parsed = parseCommand(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return encodeRouteCommand(parsed.command, { asn4: true });
}

describe('rtc commands on the wire', () => {
  it('sends the default route target constraint (prefix-length 0) as the vector holds it', async () => {
    const [sent] = await encode('announce rtc prefix-length 0 next-hop 192.0.2.1 local-preference 100');
    expect(attributes(sent)).toEqual(attributes(Buffer.from(hexOf('rtc/default'), 'hex')));
  });

  it('sends a whole route target of each layout', async () => {
    const lines = [
      'announce rtc origin-as 65000 route-target target:65000:100 next-hop 192.0.2.1 local-preference 100',
      'announce rtc origin-as 65001 route-target 192.0.2.1:7 next-hop 192.0.2.1 local-preference 100',
      'announce rtc origin-as 4200000000 route-target target:4200000000:9 next-hop 192.0.2.1 local-preference 100',
    ];
    const sent = await Promise.all(lines.map(encode));
    const mp = (m: Buffer) => attributes(m).find((a) => a.startsWith('14:'))!;
    const expected = mp(Buffer.from(hexOf('rtc/route-targets'), 'hex'));
    const nlri = sent.map(([m]) => mp(m).slice('14:80:'.length + 2 * (4 + 4 + 1)));
    expect(mp(sent[0][0]).slice(0, '14:80:'.length + 2 * 9) + nlri.join('')).toBe(expected);
  });

  it('sends prefixes shorter than 96 bits', async () => {
    const lines = ['origin-as 65000 prefix-length 32', 'origin-as 65000 route-target 0x0002000000000000 prefix-length 48', 'origin-as 65000 route-target target:65000:0 prefix-length 83'];
    const sent = await Promise.all(lines.map((l) => encode(`announce rtc ${l} next-hop 192.0.2.1 local-preference 100`)));
    const mp = (m: Buffer) => attributes(m).find((a) => a.startsWith('14:'))!;
    const head = '14:80:'.length + 2 * 9;
    expect(mp(sent[0][0]).slice(0, head) + sent.map(([m]) => mp(m).slice(head)).join('')).toBe(mp(Buffer.from(hexOf('rtc/prefixes'), 'hex')));
  });

  it('withdraws in MP_UNREACH_NLRI', async () => {
    const [a] = await encode('withdraw rtc origin-as 65000 route-target target:65000:100');
    const [b] = await encode('withdraw rtc prefix-length 0');
    const unreach = (m: Buffer) => attributes(m).find((x) => x.startsWith('15:'))!;
    expect(unreach(a) + unreach(b).slice('15:80:'.length + 6)).toBe(attributes(Buffer.from(hexOf('rtc/withdraw'), 'hex'))[0]);
  });

  it.each([
    ['announce rtc origin-as 65000 next-hop 192.0.2.1', 'an rtc route needs route-target'],
    ['announce rtc route-target target:65000:100 next-hop 192.0.2.1', 'an rtc route needs origin-as (RFC 4684 §4)'],
    ['announce rtc origin-as 65000 route-target target:65000:100 prefix-length 20 next-hop 192.0.2.1', 'prefix-length must be 0 or 32..96 (RFC 4684 §4), not "20"'],
    ['announce rtc origin-as 65000 route-target target:65000:100 prefix-length 48 next-hop 192.0.2.1', 'route-target target:65000:100 has bits set past prefix-length 48'],
    ['announce rtc origin-as 65000 route-target banana next-hop 192.0.2.1', 'route-target "banana": expected an extended community'],
    ['announce rtc origin-as 65000 route-target target:65000:100', 'an announced ipv4 rtc route needs next-hop'],
    ['announce rtc origin-as 65000 route-target target:65000:100 next-hop 192.0.2.1 color 7', 'unknown rtc route word: "color"'],
  ])('%s: %s', (line, error) => {
    const parsed = parseCommand(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });

  it.each([
    'announce rtc origin-as 65000 route-target target:65000:100 next-hop 192.0.2.1 community [ 65000:1 ]',
    'announce vpls rd 65000:1 endpoint 1 base 800000 offset 0 size 10 next-hop 192.0.2.1 med 5',
    'announce ipv4 multicast 10.0.0.0/8 next-hop 198.51.100.1',
  ])('the form `show adj-rib` prints reads back: %s', (line) => {
    const parsed = parseCommand(line);
    if (!parsed.ok || parsed.command.kind !== 'announce-route') throw new Error(JSON.stringify(parsed));
    const [route] = parsed.command.routes;
    const shown = `announce ${routeText(route.afi, route.safi, route.prefix, route.nextHop, route.attributes)}`;
    const again = parseCommand(shown);
    if (!again.ok || again.command.kind !== 'announce-route') throw new Error(`${shown}: ${JSON.stringify(again)}`);
    const { afi, safi, prefix, nextHop, attributes } = again.command.routes[0];
    expect({ afi, safi, prefix, nextHop, attributes }).toEqual({ afi: route.afi, safi: route.safi, prefix: route.prefix, nextHop: route.nextHop, attributes: route.attributes });
  });
});
