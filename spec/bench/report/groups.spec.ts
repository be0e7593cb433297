import { CASES } from '../../../bench/cases';
import { GROUPS, groupNamed, groupTitle, groupsOf, isRxbgp, rowsOf } from '../../../bench/report/groups';
import { figuresOnly, notOk, transfer } from './fixtures';

describe('GROUPS', () => {
  it('are the issue’s nine comparison groups and issue 12’s three FlowSpec ones, each defined once', () => {
    expect(GROUPS.map((g) => g.name)).toEqual([
      'emit',
      'ingest',
      'ingest-json',
      'api-routes',
      'api-batches',
      'realistic-emit',
      'realistic-ingest',
      'many-peers',
      'codec',
      'flow-api',
      'flow-latency',
      'flow-decode',
    ]);
  });

  it('compare the sender where rxbgp sends and the receiver where it receives', () => {
    const sides = Object.fromEntries(GROUPS.map((g) => [g.name, g.side]));
    expect(sides).toMatchObject({ emit: 'sender', 'api-routes': 'sender', 'api-batches': 'sender', 'realistic-emit': 'sender' });
    expect(sides).toMatchObject({ ingest: 'receiver', 'ingest-json': 'receiver', 'realistic-ingest': 'receiver', 'many-peers': 'receiver' });
    expect(GROUPS.filter((g) => g.kind === 'figures').map((g) => g.name)).toEqual(['codec', 'flow-latency', 'flow-decode']);
  });

  it('name every group a registered case is a row of', () => {
    for (const c of CASES) for (const g of c.groups) expect([c.name, GROUPS.some((d) => d.name === g)]).toEqual([c.name, true]);
  });

  it('give every transfer group of the registered cases an rxbgp row and a reference', () => {
    for (const g of GROUPS.filter((d) => d.kind === 'transfer')) {
      const members = CASES.filter((c) => c.groups.includes(g.name));
      if (!members.length) continue;
      const ours = members.filter((c) => isRxbgp(g.side === 'sender' ? c.sender : c.receiver)).map((c) => c.name);
      expect([g.name, ours.length > 0, ours.length < members.length]).toEqual([g.name, true, true]);
    }
  });
});

describe('isRxbgp', () => {
  it.each([
    ['rxbgp', true],
    ['rxbgp + helper', true],
    ['BIRD', false],
    ['ExaBGP + helper', false],
    ['rxbgpish', false],
  ])('%s → %s', (program, expected) => {
    expect(isRxbgp(program)).toBe(expected);
  });
});

describe('rowsOf', () => {
  const emit = transfer('emit', { groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', seconds: 1 });
  const birdBird = transfer('bird-bird', { groups: ['emit', 'ingest'], sender: 'BIRD', receiver: 'BIRD', seconds: 1 });
  const ingest = notOk('ingest', ['ingest'], 'BIRD', 'rxbgp', 'failed');

  it("takes the group's rows and tells rxbgp's from the references by the compared side", () => {
    const results = [birdBird, emit, ingest];
    expect(rowsOf(groupNamed('emit'), results)).toEqual({ rxbgp: [emit], references: [birdBird] });
    expect(rowsOf(groupNamed('ingest'), results)).toEqual({ rxbgp: [ingest], references: [birdBird] });
  });

  it("titles a group with its rxbgp row's N", () => {
    const small = transfer('emit', { groups: ['emit'], sender: 'rxbgp', receiver: 'BIRD', n: 100_000, seconds: 1 });
    const other = transfer('exabgp', { groups: ['emit'], sender: 'ExaBGP', receiver: 'BIRD', n: 20_000, seconds: 1 });
    expect(groupTitle(groupNamed('emit'), rowsOf(groupNamed('emit'), [other, small]))).toBe('Emit: 100 k prefixes from the config → BIRD');
    expect(groupTitle(groupNamed('emit'), rowsOf(groupNamed('emit'), [other]))).toBe('Emit: 20 k prefixes from the config → BIRD');
  });
});

describe('groupsOf', () => {
  it('lists the groups with results in the defined order, then any undefined group', () => {
    const results = [
      figuresOnly('codec', ['codec'], [{ name: 'decode', value: 1, unit: 'ns/prefix' }]),
      transfer('x', { groups: ['mystery', 'ingest'], sender: 'BIRD', receiver: 'rxbgp', seconds: 1 }),
      transfer('bird-bird', { groups: ['emit', 'ingest'], sender: 'BIRD', receiver: 'BIRD', seconds: 1 }),
    ];
    expect(groupsOf(results).map((g) => g.name)).toEqual(['emit', 'ingest', 'codec', 'mystery']);
    expect(groupNamed('mystery')).toMatchObject({ side: 'receiver', kind: 'transfer' });
  });
});
