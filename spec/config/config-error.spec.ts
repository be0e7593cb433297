import * as t from 'io-ts';
import { contextPath, describeValue, formatErrors, joinKey } from '../../lib/config/config-error';

describe('config errors', () => {
  it('formats one line per error, leaving out what is unknown', () => {
    expect(
      formatErrors(
        [
          { path: 'neighbors[0].holdTime', message: 'expected 0 or 3..65535, got 2' },
          { path: '', message: 'cannot read the config file: no such file' },
          { path: 'a', message: 'duplicate key "a"', line: 3, column: 5 },
        ],
        'x.json',
      ),
    ).toBe(
      [
        'x.json: neighbors[0].holdTime: expected 0 or 3..65535, got 2',
        'x.json: cannot read the config file: no such file',
        'x.json:3:5: a: duplicate key "a"',
      ].join('\n'),
    );
    expect(formatErrors([{ path: 'listen', message: 'm' }])).toBe('listen: m');
  });

  it('writes keys that are not identifiers in brackets', () => {
    expect(joinKey('addPath', 'ipv4 unicast')).toBe('addPath["ipv4 unicast"]');
    expect(joinKey('', 'neighbors')).toBe('neighbors');
    expect(joinKey('', '0')).toBe('["0"]');
  });

  it('turns an io-ts context into a path with [i] for array elements only', () => {
    const arr = t.array(t.unknown);
    const context: t.Context = [
      { key: '', type: t.UnknownRecord },
      { key: 'neighbors', type: arr },
      { key: '0', type: t.UnknownRecord },
      { key: '7', type: t.unknown },
    ];
    expect(contextPath(context)).toBe('neighbors[0]["7"]');
  });

  it('describes found values briefly', () => {
    expect([undefined, null, [], {}, 'x', 2, true].map(describeValue)).toEqual(['nothing', 'null', 'an array', 'an object', '"x"', '2', 'true']);
    expect(describeValue('y'.repeat(100))).toBe(`"${'y'.repeat(55)}..."`);
  });
});
