/**
 * Received labeled and VPN routes in the Adj-RIB-In (FamilyDescriptor.receivedKey): a withdrawal
 * removes the route whatever its label field says (RFC 8277 §2.4: FRR and BIRD send 0x800000), and
 * the same prefix and RD announced with another label replaces the route held.
 */
import { familyContext } from '../../../lib/families/family-context';
import { AdjRibIn } from '../../../lib/rib/adj-rib-in';
import { decodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../../lib/wire/types';
import { hex } from '../../helpers/hex';

const ctx = familyContext(DEFAULT_CONTEXT);

/** An UPDATE with one MP_REACH_NLRI (next hop 200.10.0.101 behind a zero RD) or MP_UNREACH_NLRI for AFI 1 SAFI 128. */
function update(kind: 'reach' | 'unreach', nlri: Buffer): UpdateMessage {
  const mp =
    kind === 'reach'
      ? Buffer.concat([hex`800e`, Buffer.from([5 + 12 + nlri.length]), hex`0001 80 0c 0000000000000000 c80a0065 00`, nlri])
      : Buffer.concat([hex`800f`, Buffer.from([3 + nlri.length]), hex`0001 80`, nlri]);
  const attributes = kind === 'reach' ? Buffer.concat([hex`400101 00 400200`, mp]) : mp;
  const body = Buffer.concat([hex`0000`, Buffer.from([attributes.length >> 8, attributes.length & 255]), attributes]);
  const message = Buffer.concat([Buffer.alloc(16, 0xff), Buffer.from([0, 19 + body.length, 2]), body]);
  return decodeMessage(message, ctx) as UpdateMessage;
}

/** 10.0.0.0/25, RD 65000:1, behind this label field. */
const nlri = (label: string): Buffer => hex`71 ${label} 0000fde800000001 0a000000`;

describe('labeled routes in the Adj-RIB-In', () => {
  it('removes the route on a withdrawal carrying 0x800000 (RFC 8277 §2.4)', () => {
    const rib = new AdjRibIn();
    expect(rib.apply(update('reach', nlri('003e81')))).toEqual({ announced: 1, withdrawn: 0 });
    expect(rib.familySize(1, 128)).toBe(1);
    expect(rib.apply(update('unreach', nlri('800000')))).toEqual({ announced: 0, withdrawn: 1 });
    expect(rib.familySize(1, 128)).toBe(0);
  });

  it('replaces the route announced again with another label, and withdraws it by the label it was announced with', () => {
    const rib = new AdjRibIn();
    rib.apply(update('reach', nlri('003e81')));
    rib.apply(update('reach', nlri('007d01')));
    expect([...rib.familyEntries(1, 128)].map(([key]) => key)).toEqual(['10.0.0.0/25 label 2000 rd 65000:1']);
    expect(rib.apply(update('unreach', nlri('007d01')))).toEqual({ announced: 0, withdrawn: 1 });
    expect(rib.size).toBe(0);
  });

  it('keeps routes of other RDs', () => {
    const rib = new AdjRibIn();
    rib.apply(update('reach', nlri('003e81')));
    rib.apply(update('reach', hex`71 003e81 0000fde800000002 0a000000`));
    rib.apply(update('unreach', nlri('800000')));
    expect([...rib.familyEntries(1, 128)].map(([key]) => key)).toEqual(['10.0.0.0/25 label 1000 rd 65000:2']);
  });
});
