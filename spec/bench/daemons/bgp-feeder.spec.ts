import net from 'net';
import { hex, toHex } from '../../helpers/hex';
import { BgpFeeder, feederOpen, keepalive } from '../../../bench/daemons/bgp-feeder';
import { Deadline } from '../../../bench/measure/deadline';

/** A peer that answers the feeder's OPEN with `reply` and keeps whatever arrives after it. */
function fakePeer(reply: Buffer): Promise<{ server: net.Server; port: number; received: () => Buffer; closed: Promise<void> }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let closedResolve: () => void = () => {};
    const closed = new Promise<void>((r) => (closedResolve = r));
    const server = net.createServer((socket) => {
      let sawOpen = false;
      socket.on('data', (chunk: Buffer) => {
        if (!sawOpen) {
          sawOpen = true;
          expect(chunk[18]).toBe(1);
          socket.write(reply);
          chunk = chunk.subarray(chunk.readUInt16BE(16));
        }
        chunks.push(chunk);
      });
      socket.on('close', () => closedResolve());
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port, received: () => Buffer.concat(chunks), closed }));
  });
}

const PEER_OPEN = hex`ffffffffffffffffffffffffffffffff 001d 01  04 fdeb 00f0 c0000203 00`;

describe('BgpFeeder', () => {
  it('opens with hold time 0, IPv4 and IPv6 unicast and a 4-octet AS', () => {
    expect(toHex(feederOpen(65003, '192.0.2.254'))).toBe(
      toHex(hex`
        ffffffffffffffffffffffffffffffff 0031 01  # OPEN, 49 octets
        04 fdeb 0000 c00002fe                     # version 4, AS 65003, hold time 0, BGP ID 192.0.2.254
        14 02 12                                  # 20 octets of parameters: capabilities, 18 octets
        01 04 0001 00 01                          # multiprotocol IPv4 unicast (RFC 4760)
        01 04 0002 00 01                          # multiprotocol IPv6 unicast
        41 04 0000fdeb                            # 4-octet AS 65003 (RFC 6793)
      `),
    );
    expect(toHex(feederOpen(4_200_000_001, '192.0.2.254').subarray(20, 22))).toBe('5ba0'); // AS_TRANS
  });

  it('completes the OPEN exchange, then delivers every chunk in order', async () => {
    const peer = await fakePeer(Buffer.concat([PEER_OPEN, keepalive()]));
    try {
      const deadline = new Deadline(10000);
      const feeder = await BgpFeeder.connect({ host: '127.0.0.1', port: peer.port, localAddress: '127.0.0.1', asn: 65003, routerId: '192.0.2.254' }, deadline);
      const chunks = Array.from({ length: 40 }, (_, k) => Buffer.alloc(256 * 1024, k));
      await feeder.send(chunks, deadline);
      feeder.close();
      await peer.closed;
      const got = peer.received();
      expect(toHex(got.subarray(0, 19))).toBe(toHex(keepalive()));
      expect(got.subarray(19).equals(Buffer.concat(chunks))).toBe(true);
    } finally {
      peer.server.close();
    }
  });

  it('rejects when the peer answers with a NOTIFICATION', async () => {
    const notification = hex`ffffffffffffffffffffffffffffffff 0015 03 02 02`; // OPEN error, bad peer AS
    const peer = await fakePeer(notification);
    try {
      await expect(
        BgpFeeder.connect({ host: '127.0.0.1', port: peer.port, localAddress: '127.0.0.1', asn: 65003, routerId: '192.0.2.254' }, new Deadline(10000)),
      ).rejects.toThrow('NOTIFICATION 2/2');
    } finally {
      peer.server.close();
    }
  });
});
