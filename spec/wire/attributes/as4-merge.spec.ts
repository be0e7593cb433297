import { mergeAs4, type MutablePathAttributes } from '../../../lib/wire/attributes';
import { AS_TRANS } from '../../../lib/wire/iana';

const seq = (...asns: number[]) => ({ type: 2, asns });
const set = (...asns: number[]) => ({ type: 1, asns });
const confed = (...asns: number[]) => ({ type: 3, asns });

function merged(attributes: MutablePathAttributes): MutablePathAttributes {
  const copy = { ...attributes };
  mergeAs4(copy);
  return copy;
}

describe('mergeAs4 (RFC 6793 §4.2.3)', () => {
  it('replaces the AS_TRANS tail of AS_PATH with AS4_PATH, keeping the ASes OLD speakers prepended', () => {
    const as4Path = [seq(70000, 70001)];
    expect(merged({ asPath: [seq(100, 200, AS_TRANS, AS_TRANS)], as4Path })).toEqual({
      asPath: [seq(100, 200, 70000, 70001)],
      as4Path,
    });
  });

  it('counts an AS_SET as one AS and keeps leading confederation segments', () => {
    const as4Path = [seq(70000), set(70001, 70002)];
    expect(merged({ asPath: [confed(65001), seq(100, AS_TRANS), set(AS_TRANS, 300)], as4Path }).asPath).toEqual([
      confed(65001),
      seq(100, 70000),
      set(70001, 70002),
    ]);
  });

  it('ignores an AS4_PATH longer than AS_PATH', () => {
    expect(merged({ asPath: [seq(AS_TRANS)], as4Path: [seq(70000, 70001)] }).asPath).toEqual([seq(AS_TRANS)]);
  });

  it('drops confederation segments found in AS4_PATH (RFC 6793 §6)', () => {
    expect(merged({ asPath: [seq(100, AS_TRANS)], as4Path: [confed(65001), seq(70000)] }).asPath).toEqual([seq(100, 70000)]);
  });

  it('takes AS4_AGGREGATOR when AGGREGATOR holds AS_TRANS', () => {
    const as4Aggregator = { asn: 70000, address: '192.0.2.2' };
    const result = merged({
      asPath: [seq(AS_TRANS)],
      as4Path: [seq(70000)],
      aggregator: { asn: AS_TRANS, address: '192.0.2.2' },
      as4Aggregator,
    });
    expect(result.aggregator).toEqual(as4Aggregator);
    expect(result.asPath).toEqual([seq(70000)]);
  });

  it('ignores both AS4 attributes when AGGREGATOR is a real AS (an OLD speaker aggregated last)', () => {
    const attributes = {
      asPath: [seq(100, AS_TRANS)],
      as4Path: [seq(70000)],
      aggregator: { asn: 100, address: '192.0.2.9' },
      as4Aggregator: { asn: 70000, address: '192.0.2.2' },
    };
    expect(merged(attributes)).toEqual(attributes);
  });

  it('does not glue sequences past 255 ASes', () => {
    const long = Array.from({ length: 200 }, (_, i) => i + 1);
    const tail = Array.from({ length: 100 }, (_, i) => 70000 + i);
    const asPath = [seq(...long, ...tail.map(() => AS_TRANS).slice(0, 55)), seq(...tail.slice(55).map(() => AS_TRANS))];
    expect(merged({ asPath, as4Path: [seq(...tail)] }).asPath).toEqual([seq(...long), seq(...tail)]);
  });
});
