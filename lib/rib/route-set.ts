/**
 * Expands a generated run of consecutive prefixes (config "routeSets") lazily, in chunks,
 * so a 1,000,000-prefix set never exists as one array.
 */
import { Afi } from '../wire/iana';
import { formatIpv4Number, formatIpv6, parsePrefix } from '../wire/address';

export interface PrefixRun {
  readonly afi: number;
  /** First prefix, canonical text. */
  readonly from: string;
  readonly length: number;
  readonly count: number;
}

/**
 * Yields an IPv4 run's prefixes packed (address * 64 + length, nlri/packed-ipv4.ts), `chunk` at a
 * time: what the packer writes without making text.
 */
export function* expandIpv4RunPacked(run: PrefixRun, chunk = 4096): IterableIterator<number[]> {
  const p = parsePrefix(run.from, true);
  if (typeof p === 'string') throw new Error(`route set: ${p}`);
  if (p.afi !== Afi.IPV4) throw new Error(`route set: ${run.from} is not IPv4`);
  const step = 2 ** (32 - run.length);
  let addr = p.address.readUInt32BE(0);
  for (let done = 0; done < run.count && addr <= 0xffffffff; ) {
    const n = Math.min(chunk, run.count - done, (2 ** 32 - addr) / step);
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++, addr += step) out[i] = addr * 64 + run.length;
    done += n;
    yield out;
  }
}

/** Yields the run's prefixes as text, `chunk` at a time. */
export function* expandPrefixRun(run: PrefixRun, chunk = 4096): IterableIterator<string[]> {
  const p = parsePrefix(run.from, true);
  if (typeof p === 'string') throw new Error(`route set: ${p}`);
  if (p.afi === Afi.IPV4) {
    const step = 2 ** (32 - run.length);
    let addr = p.address.readUInt32BE(0);
    for (let done = 0; done < run.count; ) {
      const n = Math.min(chunk, run.count - done);
      const out = new Array<string>(n);
      for (let i = 0; i < n; i++, addr += step) out[i] = `${formatIpv4Number(addr >>> 0)}/${run.length}`;
      done += n;
      yield out;
      if (addr > 0xffffffff) return;
    }
    return;
  }
  const step = 1n << BigInt(128 - run.length);
  let addr = BigInt('0x' + p.address.toString('hex'));
  const buf = Buffer.alloc(16);
  for (let done = 0; done < run.count; ) {
    const n = Math.min(chunk, run.count - done);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++, addr += step) {
      buf.writeBigUInt64BE(addr >> 64n, 0);
      buf.writeBigUInt64BE(addr & 0xffffffffffffffffn, 8);
      out[i] = `${formatIpv6(buf)}/${run.length}`;
    }
    done += n;
    yield out;
    if (addr >> 128n) return;
  }
}
