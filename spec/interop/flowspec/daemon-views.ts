/**
 * What each real daemon says it holds in its FlowSpec tables, read from its own CLI output, in
 * the shapes of flow-rules.ts (GobgpView, BirdView, FRR detail lines).
 */
import type { BirdView, GobgpView } from './flow-rules';
import { BIRD_PROTOCOL, type FlowDaemon } from './flow-daemons';

interface GobgpPath {
  readonly nlri: unknown;
  readonly attrs: ReadonlyArray<{ readonly type: number; readonly value?: unknown }> | null;
}

/** `gobgp global rib -a ipv4|ipv6[-l3vpn]-flowspec -j`: rule text -> its extended communities. */
export async function gobgpFlowRib(daemon: FlowDaemon, afi: 1 | 2, vpn = false): Promise<GobgpView[]> {
  const family = `ipv${afi === 1 ? 4 : 6}-${vpn ? 'l3vpn-' : ''}flowspec`;
  const text = (await daemon.cli('global', 'rib', '-a', family, '-j')).trim();
  if (text === '' || text === 'null') return [];
  const rib = JSON.parse(text) as Record<string, readonly GobgpPath[]>;
  return Object.entries(rib).flatMap(([rule, paths]) =>
    paths.map((p) => {
      const v6 = (p.attrs ?? []).find((a) => a.type === 25)?.value;
      return { rule, extcomms: ((p.attrs ?? []).find((a) => a.type === 16)?.value as object[] | undefined) ?? [], ...(v6 !== undefined ? { ipv6extcomms: v6 } : {}) };
    }),
  );
}

/** `birdc show route table flowtabN all protocol flowpeer`: the routes from the neighbor, their net and BGP.ext_community. */
export async function birdFlowTable(daemon: FlowDaemon, afi: 1 | 2): Promise<BirdView[]> {
  const out = await daemon.cli('show', 'route', 'table', afi === 1 ? 'flowtab4' : 'flowtab6', 'all', 'protocol', BIRD_PROTOCOL);
  const views: Array<{ net: string; extcomms: string }> = [];
  for (const line of out.split('\n')) {
    const head = /^(flow[46] \{.*?\})\s+\[/.exec(line);
    if (head) views.push({ net: head[1]!, extcomms: '' });
    const ext = /^\s+BGP\.ext_community:\s*(.*)$/.exec(line);
    if (ext && views.length) views[views.length - 1]!.extcomms = ext[1]!.trim();
  }
  return views;
}

/** `show bgp ipvN flowspec detail`: one list of trimmed lines per entry, without its age and PBR state. */
export async function frrFlowEntries(daemon: FlowDaemon, afi: 1 | 2): Promise<string[][]> {
  const out = await daemon.cli(`show bgp ipv${afi === 1 ? 4 : 6} flowspec detail`);
  const entries: string[][] = [];
  for (const raw of out.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('BGP flowspec entry:')) entries.push([]);
    else if (entries.length && line && !/^(received for|not installed in PBR|installed in PBR|Displayed\s)/.test(line)) entries[entries.length - 1]!.push(line);
  }
  return entries;
}
