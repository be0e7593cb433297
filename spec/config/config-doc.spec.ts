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
});
