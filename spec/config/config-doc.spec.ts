import { readFileSync } from 'fs';
import { join } from 'path';
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors } from '../../lib/config';
import { apiCodec, configFileCodec, controlCodec, neighborCodec, policyCodec, sourceCodec, processCodec, routeCodec, routeSetCodec } from '../../lib/config/file-codec';
import { API_RECEIVE_KINDS } from '../../lib/config';
import { SINK_CODECS } from '../../lib/config/sink-codec';

/** The config reference (moved out of the README for issue 11); spec/docs/ runs its examples through `rxbgp validate`. */
const doc = readFileSync(join(__dirname, '../../docs/configuration.md'), 'utf8');

describe('docs/configuration.md, the configuration reference', () => {
  it('documents every key the config accepts', () => {
    const keys = new Set([
      ...configFileCodec.keys,
      ...neighborCodec.keys,
      ...routeCodec.keys,
      ...routeSetCodec.keys,
      ...processCodec.keys,
      ...apiCodec.keys,
      ...controlCodec.keys,
      ...policyCodec.keys,
      ...sourceCodec.keys,
      ...Object.values(SINK_CODECS).flatMap((c) => c.keys),
      'neighbors',
      'events',
      'from',
      'count',
      'level',
      'output',
      'format',
    ]);
    const missing = [...keys].filter((k) => !doc.includes('`' + k + '`') && !doc.includes('`prefixes.' + k + '`'));
    expect(missing).toEqual([]);
  });

  it('documents every kind api.receive and api.send accept', () => {
    const section = doc.slice(doc.indexOf('### api'));
    expect(API_RECEIVE_KINDS.filter((k) => !section.includes('`"' + k + '"`'))).toEqual([]);
  });

  it('has a complete example that decodes, its helper next to it as in conf/', () => {
    const blocks = [...doc.matchAll(/```json config file=full\.json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBe(1);
    const r = decodeConfig(JSON.parse(blocks[0]), join(__dirname, '../../conf'));
    if (isLeft(r)) throw new Error(formatErrors(r.left, 'docs/configuration.md'));
    expect(r.right.neighbors[0].routeSets[0].count).toBe(100000);
  });

  it('shows in its flows table values the FlowSpec config form accepts', () => {
    const section = doc.slice(doc.indexOf('### flows'), doc.indexOf('### routeSets'));
    const values: Array<[string, unknown]> = [
      ['icmpType', 'echo-request'],
      ['tcpFlags', '=syn+ack'],
      ['fragment', ['first-fragment', 'last-fragment']],
      ['fragment', 'dont-fragment'],
    ];
    for (const [key, value] of values) {
      expect(section).toContain(`"${Array.isArray(value) ? value[0] : value}"`);
      const r = decodeConfig({ localAs: 65000, routerId: '192.0.2.254', neighbors: [{ peerAddress: '192.0.2.1', peerAs: 65001, flows: [{ match: { destination: '10.0.0.0/8', [key]: value }, then: { discard: true } }] }] });
      if (isLeft(r)) throw new Error(formatErrors(r.left, `flows.match.${key}`));
    }
    const then: Array<[string, unknown]> = [
      ['redirect', '4200000000:666'],
      ['redirect', '[2001:db8::1]:666'],
      ['interfaceSet', 'transitive:input:65001:7'],
      ['action', 'sample-terminal'],
      ['redirectToNextHopIetf', '192.0.2.1'],
    ];
    for (const [key, value] of then) {
      const r = decodeConfig({ localAs: 65000, routerId: '192.0.2.254', neighbors: [{ peerAddress: '192.0.2.1', peerAs: 65001, flows: [{ match: { destination: key === 'redirect' && String(value).includes('[') ? '2001:db8::/32' : '10.0.0.0/8' }, then: { [key]: value } }] }] });
      if (isLeft(r)) throw new Error(formatErrors(r.left, `flows.then.${key}`));
    }
  });
});
