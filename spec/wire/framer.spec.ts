import { from, lastValueFrom, tap, toArray } from 'rxjs';
import { BgpError } from '../../lib/wire/errors';
import { Framer, frame } from '../../lib/wire/framer';
import { MARKER, hex, toHex } from '../helpers/hex';

/** What BIRD 2.0.12 sent on a new session: OPEN, KEEPALIVE, UPDATE, End-of-RIB, then a shutdown NOTIFICATION. */
const MESSAGES = [
  hex`${MARKER} 003b 01 04fe4900f0c00002611e021c01040001000101040002000102004002007841040000fe4946004700`,
  hex`${MARKER} 0013 04`,
  hex`${MARKER} 002f 02 0000 0014 40010100 400206020100 00fe49 4003047f000061 18 140000`,
  hex`${MARKER} 0017 02 0000 0000`,
  hex`${MARKER} 0034 03 06 02 1e 6d61696e74656e616e63652c206261636b2061742031343a303020555443`,
];
const STREAM = Buffer.concat(MESSAGES);
const EXPECTED = MESSAGES.map(toHex);

function feed(framer: Framer, chunks: Buffer[]): string[] {
  return chunks.flatMap((c) => framer.push(c)).map(toHex);
}

function thrown(fn: () => unknown): BgpError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BgpError) return e;
    throw e;
  }
  throw new Error('expected a BgpError');
}

describe('Framer (RFC 4271 §4.1)', () => {
  it('returns every message of one chunk as a view of it, without copying', () => {
    const framer = new Framer();
    const out = framer.push(STREAM);
    expect(out.map(toHex)).toEqual(EXPECTED);
    for (const m of out) expect(m.buffer).toBe(STREAM.buffer);
    expect(framer.pending).toBe(0);
  });

  it('gives the same messages whatever byte the stream is split at', () => {
    for (let i = 0; i <= STREAM.length; i++) {
      const framer = new Framer();
      expect(feed(framer, [STREAM.subarray(0, i), STREAM.subarray(i)])).toEqual(EXPECTED);
      expect(framer.pending).toBe(0);
    }
  });

  it('gives the same messages whatever two bytes the stream is split at', () => {
    for (let i = 0; i <= STREAM.length; i++) {
      for (let j = i; j <= STREAM.length; j++) {
        const chunks = [STREAM.subarray(0, i), STREAM.subarray(i, j), STREAM.subarray(j)];
        expect(feed(new Framer(), chunks)).toEqual(EXPECTED);
      }
    }
  });

  it('assembles a message fed one byte at a time, once, into a buffer of its own', () => {
    const framer = new Framer();
    const out: Buffer[] = [];
    for (let i = 0; i < STREAM.length; i++) out.push(...framer.push(STREAM.subarray(i, i + 1)));
    expect(out.map(toHex)).toEqual(EXPECTED);
    for (const m of out) expect(m.buffer).not.toBe(STREAM.buffer);
  });

  it('keeps the partial tail until its message is complete', () => {
    const framer = new Framer();
    expect(framer.push(STREAM.subarray(0, 70))).toHaveLength(1);
    expect(framer.pending).toBe(70 - 59);
    expect(framer.push(STREAM.subarray(70, 97)).map(toHex)).toEqual([EXPECTED[1]]);
    expect(framer.pending).toBe(97 - 59 - 19);
    expect(framer.push(STREAM.subarray(97, 125)).map(toHex)).toEqual([EXPECTED[2]]);
  });

  it('rejects a bad marker as soon as its first wrong byte arrives (1/1), before the length', () => {
    const bad = hex`${MARKER} 0013 04`;
    bad[5] = 0xfe;
    for (let i = 0; i <= 5; i++) {
      const framer = new Framer();
      expect(framer.push(bad.subarray(0, i))).toEqual([]);
      const e = thrown(() => framer.push(bad.subarray(i, 6)));
      expect(e).toMatchObject({ code: 1, subcode: 1, data: hex`` });
    }
  });

  it('rejects a bad marker after good messages in the same chunk', () => {
    const bad = Buffer.concat([MESSAGES[1], hex`00`, MESSAGES[1]]);
    expect(thrown(() => new Framer().push(bad))).toMatchObject({ code: 1, subcode: 1 });
  });

  it('rejects a length below 19 (1/2, data = the Length field) as soon as the field is whole', () => {
    const framer = new Framer();
    expect(framer.push(hex`${MARKER} 00`)).toEqual([]);
    expect(thrown(() => framer.push(hex`12`))).toMatchObject({ code: 1, subcode: 2, data: hex`0012` });
  });

  it('rejects a length above the maximum before waiting for the body', () => {
    const framer = new Framer();
    expect(framer.push(hex`${MARKER}`)).toEqual([]);
    expect(thrown(() => framer.push(hex`1001 02`))).toMatchObject({ code: 1, subcode: 2, data: hex`1001` });
    expect(thrown(() => new Framer().push(hex`${MARKER} ffff`))).toMatchObject({ data: hex`ffff` });
  });

  it('accepts up to 65535 octets once maxLength is raised (RFC 8654)', () => {
    const big = Buffer.alloc(5000, 0);
    hex`${MARKER} 1388 02`.copy(big);
    const framer = new Framer();
    framer.maxLength = 65535;
    expect(framer.push(big.subarray(0, 100))).toEqual([]);
    expect(framer.push(big.subarray(100)).map((m) => m.length)).toEqual([5000]);
    expect(thrown(() => new Framer().push(big))).toMatchObject({ code: 1, subcode: 2, data: hex`1388` });
  });

  it('stays broken after an error: the session is closing', () => {
    const framer = new Framer();
    const first = thrown(() => framer.push(hex`00`));
    expect(thrown(() => framer.push(MESSAGES[1]))).toBe(first);
  });
});

describe('frame() operator', () => {
  it('emits one array per chunk that completed messages, skipping the others', async () => {
    const chunks = [STREAM.subarray(0, 10), STREAM.subarray(10, 80), STREAM.subarray(80, 81), STREAM.subarray(81)];
    const out = await lastValueFrom(from(chunks).pipe(frame(), toArray()));
    expect(out.map((batch) => batch.map(toHex))).toEqual([[EXPECTED[0], EXPECTED[1]], EXPECTED.slice(2)]);
  });

  it('errors with the BgpError and gives each subscription its own framer', async () => {
    const source = from([MESSAGES[1], MESSAGES[1].subarray(0, 10), hex`00`]);
    await expect(lastValueFrom(source.pipe(frame()))).rejects.toMatchObject({ code: 1, subcode: 1 });
    const ok = from([STREAM.subarray(0, 30), STREAM.subarray(30, 59)]).pipe(frame());
    expect((await lastValueFrom(ok.pipe(toArray()))).flat().map(toHex)).toEqual([EXPECTED[0]]);
    expect((await lastValueFrom(ok.pipe(toArray()))).flat().map(toHex)).toEqual([EXPECTED[0]]);
  });

  it('reads a maxLength function at every chunk', async () => {
    const big = Buffer.alloc(5000, 0);
    hex`${MARKER} 1388 02`.copy(big);
    let max = 4096;
    // The KEEPALIVE stands for the OPEN exchange that negotiated RFC 8654 extended messages.
    const negotiated = from([MESSAGES[1], big]).pipe(tap((chunk) => chunk.length === 19 && (max = 65535)));
    const batches = await lastValueFrom(negotiated.pipe(frame(() => max), toArray()));
    expect(batches.flat().map((m) => m.length)).toEqual([19, 5000]);
    max = 4096;
    await expect(lastValueFrom(from([big]).pipe(frame(() => max)))).rejects.toMatchObject({ data: hex`1388` });
  });
});
