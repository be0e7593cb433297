/**
 * The FlowSpec UPDATEs gobgpd 3.10 sent for the rules in helpers/gobgp-expectations.ts (captured by
 * spec/interop/flowspec-gobgp-vectors.spec.ts into spec/fixtures/flowspec/gobgp.json): every rule and
 * action reads as GoBGP shows it, re-encodes to GoBGP's bytes, and GoBGP's non-RFC IPv6 offset
 * encoding is reported as malformed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkGobgpUpdates } from './helpers/gobgp-expectations';

const UPDATES: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'flowspec', 'gobgp.json'), 'utf8'));

describe('GoBGP FlowSpec vectors', () => {
  it('reads every rule and action as GoBGP shows them, and encodes them back to its bytes', () => {
    checkGobgpUpdates(UPDATES.map((hex) => Buffer.from(hex, 'hex')));
  });
});
