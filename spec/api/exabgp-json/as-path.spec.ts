import { asPathMembers, asPathText, flattenAsPath, mergeAs4Path } from '../../../lib/api/exabgp-json/as-path';

const SET = 1;
const SEQ = 2;
const CONFED_SEQ = 3;
const CONFED_SET = 4;

describe('AS_PATH as ExaBGP prints it', () => {
  it('flattens each kind of segment into one list', () => {
    const flat = flattenAsPath([
      { type: SEQ, asns: [1, 2] },
      { type: SET, asns: [3] },
      { type: SEQ, asns: [4] },
      { type: CONFED_SEQ, asns: [5] },
      { type: CONFED_SET, asns: [6, 7] },
    ]);
    expect(flat).toEqual({ sequence: [1, 2, 4], set: [3], confedSequence: [5], confedSet: [6, 7] });
    expect(asPathMembers(flat)).toBe('"as-path": [ 1, 2, 4 ], "as-set": [ 3 ], "confederation-path": [ 5 ], "confederation-set": [ 6, 7 ]');
  });

  it('always prints as-path and confederation-path, the sets only when not empty', () => {
    expect(asPathMembers(flattenAsPath([{ type: SEQ, asns: [] }]))).toBe('"as-path": [], "confederation-path": []');
  });

  it('merges AS4_PATH the way ExaBGP does', () => {
    const two = flattenAsPath([{ type: SEQ, asns: [65001, 23456, 23456] }, { type: SET, asns: [1, 2] }]);
    // the tail of the sequence is replaced; a kind absent from AS4_PATH is emptied (Python's x[:-0])
    expect(mergeAs4Path(two, flattenAsPath([{ type: SEQ, asns: [4200000000, 4200000001] }]))).toEqual({
      sequence: [65001, 4200000000, 4200000001],
      set: [],
      confedSequence: [],
      confedSet: [],
    });
    // a longer AS4 sequence is ignored; a longer AS4 set wins
    expect(mergeAs4Path(two, flattenAsPath([{ type: SEQ, asns: [7, 8, 9, 10] }, { type: SET, asns: [3, 4, 5] }]))).toEqual({
      sequence: [65001, 23456, 23456],
      set: [3, 4, 5],
      confedSequence: [],
      confedSet: [],
    });
  });

  it('writes the text form used when AS4_PATH is printed as an unknown attribute', () => {
    expect(asPathText(flattenAsPath([{ type: SEQ, asns: [1] }]))).toBe('[ 1 ]');
    expect(asPathText(flattenAsPath([{ type: SEQ, asns: [1, 2] }, { type: SET, asns: [3, 4] }]))).toBe('[ 1 2 ( 3 4 ) ]');
    expect(asPathText(flattenAsPath([{ type: SEQ, asns: [1] }, { type: SET, asns: [3] }]))).toBe('[ 1 ( 3 ) ]');
    expect(asPathText(flattenAsPath([{ type: SET, asns: [3] }]))).toBe('[ ( 3 )]');
    expect(asPathText(flattenAsPath([]))).toBe('[ ]');
    expect(asPathText(flattenAsPath([{ type: SEQ, asns: [1] }, { type: CONFED_SEQ, asns: [9] }]))).toBe('[ 1 ][ 9 ]');
  });
});
