/**
 * Names of the well-known communities (RFC 1997, RFC 3765, RFC 7611, RFC 7999, RFC 8326,
 * draft-ietf-idr-long-lived-gr) as used in configs, API commands and JSON.
 */
import { WellKnownCommunity } from './iana';

/** Canonical name of each well-known community value. */
const NAMES: ReadonlyArray<readonly [string, number]> = [
  ['no-export', WellKnownCommunity.NO_EXPORT],
  ['no-advertise', WellKnownCommunity.NO_ADVERTISE],
  ['no-export-subconfed', WellKnownCommunity.NO_EXPORT_SUBCONFED],
  ['nopeer', WellKnownCommunity.NOPEER],
  ['blackhole', WellKnownCommunity.BLACKHOLE],
  ['graceful-shutdown', WellKnownCommunity.GRACEFUL_SHUTDOWN],
  ['accept-own', WellKnownCommunity.ACCEPT_OWN],
  ['llgr-stale', WellKnownCommunity.LLGR_STALE],
  ['no-llgr', WellKnownCommunity.NO_LLGR],
];

/** Other spellings accepted on input: ExaBGP writes NOPEER as "no-peer". */
const ALIASES: ReadonlyArray<readonly [string, number]> = [['no-peer', WellKnownCommunity.NOPEER]];

const nameOf = new Map<number, string>(NAMES.map(([name, value]) => [value, name]));
const valueOf = new Map<string, number>([...NAMES, ...ALIASES]);

/** The well-known name of a community value, or undefined for an ordinary one. */
export function communityName(value: number): string | undefined {
  return nameOf.get(value >>> 0);
}

/** The value of a well-known community name (case-insensitive), or undefined. */
export function communityValue(name: string): number | undefined {
  return valueOf.get(name.toLowerCase());
}

/** Every well-known community as [canonical name, value]. */
export const WELL_KNOWN_COMMUNITY_NAMES = NAMES;
