import { readFileSync } from 'fs';
import { join } from 'path';
import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors } from '../../lib/config';
import { apiCodec, configFileCodec, controlCodec, neighborCodec, policyCodec, sourceCodec, processCodec, routeCodec, routeSetCodec } from '../../lib/config/file-codec';
import { API_RECEIVE_KINDS } from '../../lib/config';
import { SINK_CODECS } from '../../lib/config/sink-codec';

const doc = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('README configuration reference', () => {
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

  it('has a full example that decodes', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const r = decodeConfig(JSON.parse(block));
      if (isLeft(r)) throw new Error(formatErrors(r.left, 'README.md'));
    }
  });
});
