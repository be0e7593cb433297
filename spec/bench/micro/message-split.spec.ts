import { Afi, Safi } from '../../../lib/wire/iana';
import { encodeMessage } from '../../../lib/wire/message';
import { endOfRibMessage } from '../../../lib/wire/end-of-rib';
import { DEFAULT_CONTEXT } from '../../../lib/wire/types';
import { isIpv4EndOfRib, isUpdate, messageType, splitMessages, updatesOf } from '../../../bench/micro/message-split';
import { hex, toHex } from '../../helpers/hex';
import { END_OF_RIB, slash24s, streamOf, updatesFor } from './update-fixtures';

describe('splitMessages', () => {
  it('cuts a captured stream into its messages, in order, byte for byte', () => {
    const updates = updatesFor(slash24s(40), 100);
    expect(updates.length).toBeGreaterThan(2);
    const messages = splitMessages(streamOf(updates));
    expect(messages.map(messageType)).toEqual([4, ...updates.map(() => 2), 2]);
    expect(messages.slice(1, -1).map(toHex)).toEqual(updates.map(toHex));
    expect(toHex(messages[messages.length - 1])).toBe(toHex(END_OF_RIB));
  });

  it('keeps only the UPDATEs', () => {
    const updates = updatesFor(slash24s(5));
    const kept = updatesOf(splitMessages(streamOf(updates)));
    expect(kept).toHaveLength(updates.length + 1); // the End-of-RIB is an UPDATE too
    expect(kept.every(isUpdate)).toBe(true);
  });

  it('refuses a capture that ends inside a message', () => {
    const stream = streamOf(updatesFor(slash24s(5)));
    expect(() => splitMessages(stream.subarray(0, stream.length - 1))).toThrow(/ends inside a message \(22 octets/);
    expect(() => splitMessages(stream.subarray(0, 19 + 10))).toThrow(/ends inside a message/);
  });

  it('refuses a stream out of sync (Connection Not Synchronized)', () => {
    const stream = streamOf([]);
    stream[19] = 0; // the End-of-RIB's Marker
    expect(() => splitMessages(stream)).toThrow(/marker/);
  });

  it('gives nothing for an empty capture', () => {
    expect(splitMessages(Buffer.alloc(0))).toEqual([]);
  });
});

describe('isIpv4EndOfRib', () => {
  it('recognises the RFC 4724 IPv4 unicast marker: an UPDATE with two zero lengths and nothing else', () => {
    const marker = hex`
      ffffffffffffffffffffffffffffffff  # marker
      0017                              # length 23
      02                                # UPDATE
      0000                              # withdrawn routes length 0
      0000                              # total path attribute length 0
    `;
    expect(isIpv4EndOfRib(marker)).toBe(true);
    expect(toHex(END_OF_RIB)).toBe(toHex(marker));
  });

  it('rejects KEEPALIVEs, UPDATEs with routes and the MP_UNREACH End-of-RIB of another family', () => {
    const keepalive = hex`ffffffffffffffffffffffffffffffff 0013 04`;
    expect(isIpv4EndOfRib(keepalive)).toBe(false);
    expect(isIpv4EndOfRib(updatesFor(slash24s(1))[0])).toBe(false);
    const ipv6 = encodeMessage(endOfRibMessage({ afi: Afi.IPV6, safi: Safi.UNICAST }), DEFAULT_CONTEXT);
    expect(isIpv4EndOfRib(ipv6)).toBe(false);
    // 23 octets but not an UPDATE (a hypothetical type 5 of that length).
    expect(isIpv4EndOfRib(hex`ffffffffffffffffffffffffffffffff 0017 05 0001 0001`)).toBe(false);
  });
});
