/**
 * Whole UPDATE messages carrying FlowSpec rules (RFC 4271 §4.3, RFC 4760 MP_REACH / MP_UNREACH),
 * for feeding real decoders (`exabgp --decode`). Test-only: the family layer will send these
 * through lib/wire's UPDATE encoder.
 */
import { encodeFlowNlriRun, type FlowFamily, type FlowRule } from '../../../../lib/families/flowspec';
import { parseIp } from '../../../../lib/wire/address';
import { Writer } from '../../../../lib/wire/writer';

export interface FlowUpdate {
  readonly family: FlowFamily;
  readonly rules?: readonly FlowRule[];
  /** Raw NLRI field instead of rules (for bytes the encoder would never write). */
  readonly nlri?: Buffer;
  readonly withdraw?: boolean;
  readonly nextHop?: string;
  /** The raw "Network Address of Next Hop" instead of nextHop (e.g. an RD then an address, RFC 4364 §4.3.2). */
  readonly nextHopBytes?: Buffer;
  readonly extendedCommunities?: readonly bigint[];
  readonly ipv6ExtendedCommunities?: readonly bigint[];
  readonly communities?: readonly number[];
}

function attribute(w: Writer, flags: number, type: number, write: (w: Writer) => void): void {
  const value = new Writer(64);
  write(value);
  const bytes = value.view();
  if (bytes.length > 255) w.u8(flags | 0x10).u8(type).u16(bytes.length);
  else w.u8(flags).u8(type).u8(bytes.length);
  w.bytes(bytes);
}

export function flowUpdateMessage(update: FlowUpdate): Buffer {
  const attributes = new Writer(256);
  attribute(attributes, 0x40, 1, (w) => w.u8(0)); // ORIGIN IGP
  attribute(attributes, 0x40, 2, () => undefined); // AS_PATH empty (iBGP)
  attribute(attributes, 0x40, 5, (w) => w.u32(100)); // LOCAL_PREF
  if (update.communities?.length) attribute(attributes, 0xc0, 8, (w) => update.communities!.forEach((c) => w.u32(c)));
  if (update.extendedCommunities?.length) attribute(attributes, 0xc0, 16, (w) => update.extendedCommunities!.forEach((c) => w.u64(c)));
  if (update.ipv6ExtendedCommunities?.length) {
    attribute(attributes, 0xc0, 25, (w) =>
      update.ipv6ExtendedCommunities!.forEach((c) => w.bytes(Buffer.from(c.toString(16).padStart(40, '0'), 'hex'))),
    );
  }
  const nlri = new Writer(256);
  if (update.nlri) nlri.bytes(update.nlri);
  else encodeFlowNlriRun(nlri, update.rules ?? [], update.family);
  const { afi, safi } = update.family;
  if (update.withdraw) {
    attribute(attributes, 0x80, 15, (w) => w.u16(afi).u8(safi).bytes(nlri.view()));
  } else {
    const hop = update.nextHopBytes ?? (update.nextHop !== undefined ? parseIp(update.nextHop) : undefined);
    attribute(attributes, 0x80, 14, (w) => {
      w.u16(afi).u8(safi).u8(hop?.length ?? 0);
      if (hop) w.bytes(hop);
      w.u8(0).bytes(nlri.view());
    });
  }
  const body = attributes.view();
  const total = 19 + 2 + 2 + body.length;
  const w = new Writer(total);
  for (let i = 0; i < 16; i++) w.u8(0xff);
  w.u16(total).u8(2).u16(0).u16(body.length).bytes(body);
  return w.toBuffer();
}
