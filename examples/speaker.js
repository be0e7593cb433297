// rxbgp as a library: two speakers in one program peer over loopback; one announces a route,
// the other prints what it receives, then both stop. Run: npm run build && node examples/speaker.js
// (RXBGP_A / RXBGP_B / RXBGP_PORT choose other loopback addresses and port.)
const { Speaker } = require('rxbgp');
const { filter, firstValueFrom, timeout } = require('rxjs');

const A = process.env.RXBGP_A || '127.0.0.1';
const B = process.env.RXBGP_B || '127.0.0.2';
const PORT = Number(process.env.RXBGP_PORT || 1790);

async function main() {
  const receiver = await Speaker.start({
    listen: [{ address: B, port: PORT }],
    neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.2', passive: true }],
  });
  const received = firstValueFrom(
    receiver.updates$.pipe(
      filter(({ message }) => message.announced.length > 0),
      timeout(10000),
    ),
  );
  const sender = await Speaker.start({
    neighbors: [{ peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.1', connectRetry: 1 }],
  });
  sender.announce({ prefix: '203.0.113.0/24', nextHop: '198.51.100.1', communities: ['65001:100'] });

  const { neighbor, message } = await received;
  console.log(`${neighbor.name} sent ${message.announced.flatMap((l) => l.prefixes).join(' ')} with AS path ${message.attributes.asPath.flatMap((s) => s.asns).join(' ')}`);
  await sender.stop();
  await receiver.stop();
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
