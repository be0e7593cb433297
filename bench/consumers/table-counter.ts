/**
 * The `realistic-ingest` case's receiver: rxbgp used as a library, like ingest-counter.ts, for a
 * table of both families. Each UPDATE is decoded, stored in the neighbor's Adj-RIB-In and delivered
 * as an event to a consumer in the same process that counts the announced prefixes of IPv4 and
 * IPv6 unicast. Which prefixes arrived is checked after the measured window: on SIGTERM the
 * consumer writes every prefix its Adj-RIB-In holds to a file, for the bench to compare with the
 * generated table, and prints the attributes of the sampled prefixes.
 *
 * usage: node table-counter.js <config.json> <count> <dump file> <sample prefixes, comma-separated>
 * stdout, one line each: `up`, `down <reason>`, `reached <k>` for k = 99 % and 100 % of count;
 * on SIGTERM `sample <prefix> <PathAttributes as JSON>` per sample, then `stats {json}`, then exit.
 */
import fs from 'fs';
import { Daemon, nlriCount } from '../../lib';
import { Afi, Safi } from '../../lib/wire/iana';
import type { AdjRibIn } from '../../lib/rib/adj-rib-in';
import { EARLY_SHARE } from '../measure/transfer';
import { consumerLog, exitIfStartFails, loadConsumerConfig, runConsumer, say } from './consumer-process';

/** Lines per write() of the dump: a few hundred KB at a time, never the whole table as one string. */
const DUMP_LINES_PER_WRITE = 16384;

function main(argv: readonly string[]): void {
  const [file, countText, dumpFile, sampleText] = argv;
  if (!file || !countText || !dumpFile || sampleText === undefined) {
    throw new Error('usage: table-counter <config.json> <count> <dump file> <sample prefixes>');
  }
  const count = Number(countText);
  const samples = sampleText.split(',').filter((s) => s !== '');
  const config = loadConsumerConfig(file);
  const daemon = new Daemon(config, consumerLog);

  const milestones = [Math.ceil(count * EARLY_SHARE), count];
  const stats = { ipv4Entries: 0, ipv6Entries: 0, withdrawn: 0, updates: 0, otherFamilies: 0, ipv4RibIn: 0, ipv6RibIn: 0, attributeSets: 0 };
  let next = 0;

  daemon.events$.subscribe(({ event }) => {
    if (event.kind === 'up') say('up');
    else if (event.kind === 'down') say(`down ${event.reason}`);
    else if (event.kind === 'update' && event.direction === 'receive') {
      stats.updates++;
      for (const list of event.message.withdrawn) stats.withdrawn += nlriCount(list);
      for (const list of event.message.announced) {
        if (list.safi !== Safi.UNICAST || list.pathIds) stats.otherFamilies++;
        else if (list.afi === Afi.IPV4) stats.ipv4Entries += nlriCount(list);
        else if (list.afi === Afi.IPV6) stats.ipv6Entries += nlriCount(list);
        else stats.otherFamilies++;
      }
      const entries = stats.ipv4Entries + stats.ipv6Entries;
      while (next < milestones.length && entries >= milestones[next]!) say(`reached ${milestones[next++]}`);
    }
  });

  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    const rib = daemon.neighbors[0]?.ribIn;
    if (rib) {
      stats.ipv4RibIn = rib.familySize(Afi.IPV4, Safi.UNICAST);
      stats.ipv6RibIn = rib.familySize(Afi.IPV6, Safi.UNICAST);
      stats.attributeSets = rib.attributeSets;
      dumpPrefixes(rib, dumpFile);
      for (const prefix of samples) {
        const entry = rib.get(prefix.includes(':') ? Afi.IPV6 : Afi.IPV4, Safi.UNICAST, prefix);
        say(`sample ${prefix} ${entry ? JSON.stringify(entry.attributes, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : 'none'}`);
      }
    }
    say(`stats ${JSON.stringify(stats)}`);
    void daemon.stop().finally(() => process.exit(0));
  });
  exitIfStartFails(daemon.start());
}

/** One prefix per line, every family and path id as AdjRibIn.entries() names them. */
function dumpPrefixes(rib: AdjRibIn, dumpFile: string): void {
  const fd = fs.openSync(dumpFile, 'w');
  try {
    let lines: string[] = [];
    for (const [, prefix] of rib.entries()) {
      lines.push(prefix);
      if (lines.length === DUMP_LINES_PER_WRITE) {
        fs.writeSync(fd, `${lines.join('\n')}\n`);
        lines = [];
      }
    }
    if (lines.length > 0) fs.writeSync(fd, `${lines.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

runConsumer('table-counter', main);
