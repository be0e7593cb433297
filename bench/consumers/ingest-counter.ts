/**
 * The `ingest` case's receiver: rxbgp used as a library (lib/index.ts), one process, with a consumer
 * that subscribes to the daemon's events and counts the announced prefixes, the way a program built
 * on rxbgp would. Each prefix is decoded, stored in the neighbor's Adj-RIB-In and delivered in an
 * update event; the consumer checks it against the expected run through the packed form
 * (nlri/packed-ipv4.ts, run-counter.ts), never making text.
 *
 * usage: node ingest-counter.js <config.json> <first /24> <count> [--expect-med N] [--expect-community A:B]
 * stdout, one line each, read by the bench as they come: `up`, `down <reason>`, `reached <k>`
 * for k = 99 % and 100 % of count, and on SIGTERM a final `stats {json}` before exiting.
 * With --expect-*, the attributes of every counted prefix are checked too (an import policy's
 * rewrite, attribute-expectation.ts): `stats` then holds `rewritten` and `notRewritten`.
 */
import { Daemon, packedIpv4Of } from '../../lib';
import { Afi, Safi } from '../../lib/wire/iana';
import { Ipv4PrefixRun } from '../gen/prefix-run';
import { EARLY_SHARE } from '../measure/transfer';
import { meetsExpectation, parseExpectationArgs } from './attribute-expectation';
import { RunCounter } from './run-counter';
import { consumerLog, exitIfStartFails, loadConsumerConfig, runConsumer, say } from './consumer-process';

function main(argv: readonly string[]): void {
  const [file, first, countText, ...rest] = argv;
  if (!file || !first || !countText) throw new Error('usage: ingest-counter <config.json> <first /24> <count> [--expect-med N] [--expect-community A:B]');
  const run = new Ipv4PrefixRun(first, Number(countText));
  const expectation = parseExpectationArgs(rest);
  const attributeStats = { rewritten: 0, notRewritten: 0 };
  const config = loadConsumerConfig(file);
  const daemon = new Daemon(config, consumerLog);

  const counter = new RunCounter(run, [Math.ceil(run.count * EARLY_SHARE), run.count], (k) => say(`reached ${k}`));
  const stats = counter.stats;

  daemon.events$.subscribe(({ neighbor, event }) => {
    if (event.kind === 'up') say('up');
    else if (event.kind === 'down') say(`down ${event.reason}`);
    else if (event.kind === 'update' && event.direction === 'receive') {
      counter.countUpdate(event.message);
      stats.ribIn = neighbor.ribIn.size;
      if (expectation) {
        // Per list, not per prefix: every prefix of a list carries the UPDATE's attributes.
        for (const list of event.message.announced) {
          if (list.afi !== Afi.IPV4 || list.safi !== Safi.UNICAST) continue;
          const packed = packedIpv4Of(list);
          const n = packed ? packed.length : list.prefixes.length;
          if (meetsExpectation(event.message.attributes, expectation)) attributeStats.rewritten += n;
          else attributeStats.notRewritten += n;
        }
      }
    }
  });
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    stats.ribIn = daemon.neighbors.reduce((n, nb) => n + nb.ribIn.size, 0);
    say(`stats ${JSON.stringify(expectation ? { ...stats, ...attributeStats } : stats)}`);
    void daemon.stop().finally(() => process.exit(0));
  });
  exitIfStartFails(daemon.start());
}

runConsumer('ingest-counter', main);
