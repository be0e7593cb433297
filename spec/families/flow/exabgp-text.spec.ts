/**
 * FlowSpec rules in ExaBGP's text events: the rule's text, then " next-hop X" once (the text
 * encoder adds it for every family), as ExaBGP 4.2's text encoder prints it (checked live in
 * spec/interop/flowspec/exabgp-text-flow.spec.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { messageText } from '../../../lib/api/exabgp-text';
import { familyContext } from '../../../lib/families/family-context';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { CASE_NEIGHBOR } from '../../api/exabgp-json/helpers/cases';

const VECTORS: Array<{ name: string; hex: string }> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'exabgp-qa.json'), 'utf8'));
const ctx = familyContext(DEFAULT_CONTEXT);

function textOf(name: string): string {
  const vector = VECTORS.find((v) => v.name === name);
  if (!vector) throw new Error(`no vector ${name}`);
  return messageText(CASE_NEIGHBOR, decodeMessage(Buffer.from(vector.hex, 'hex'), ctx), 'receive', ctx);
}

describe('FlowSpec in ExaBGP text events', () => {
  it('prints a redirect rule\'s next hop once, after the rule', () => {
    expect(textOf('encoding/conf-flow.ci#2')).toContain('announced flow source-ipv4 10.0.0.2/32 next-hop 1.2.3.4 origin igp');
  });

  it('prints a flow-vpn rule\'s RD before its next hop', () => {
    expect(textOf('encoding/conf-flow.ci#9')).toContain('announced flow source-ipv4 10.0.0.3/32 rd 65535:65536 next-hop 5.6.7.8 origin igp');
  });
});
