/**
 * rxbgp as a library: `Speaker` runs a BGP speaker inside any Node program (the `rxbgp run`
 * daemon is built on it); policy modules use the helpers; the rest are the pieces underneath.
 */
export { Speaker, SpeakerConfigError, type SpeakerOptions, type SpeakerEvent, type SpeakerUpdate, type RouteInput, type NeighborChoice } from './speaker/speaker';
export { Daemon, type DaemonEvent, type ReloadSummary } from './daemon/daemon';
export { decodeConfig, loadConfig, formatErrors, summarizeConfig } from './config';
export type { Config, NeighborConfig, RouteConfig, RouteSetConfig, ListenConfig, ProcessConfig, ApiConfig } from './config/types';
export { CommandExecutor, type CommandAnswer } from './api-runtime/command-executor';
export { parseCommand } from './api/commands/parse-command';
export type { Command, RouteSpec, NeighborSelector } from './api/commands/types';
export { sendCommand } from './api/control';
export type { SessionEvent } from './events/events';
export { Neighbor } from './neighbor/neighbor';
export { PeerSession } from './session/peer-session';
export { AdjRibIn } from './rib/adj-rib-in';
export { AdjRibOut } from './rib/adj-rib-out';
export * from './wire/types';
export { BgpError, AttrError } from './wire/errors';
export { decodeMessage, encodeMessage } from './wire/message';
// The library's decodeHexMessage knows every family rxbgp carries (FlowSpec included) unless given a context.
export { decodeHexWithFamilies as decodeHexMessage, FAMILY_CONTEXT } from './families/family-context';
export { Framer } from './wire/framer';
export { nlriCount, packedIpv4Of, formatIpv4Packed } from './wire/nlri';
export { attachPackedIpv4 } from './wire/nlri/packed-ipv4';
export * as iana from './wire/iana';
export type { Policy, PolicyContext, PolicyFactory, PolicyDirection, PolicyLogger, RouteBatch } from './policy/types';
export type { RouteView, RouteSnapshot } from './policy/route-view';
export { filterRoutes, mapAttributes, routeAttributes } from './policy/helpers';
export { PrefixList } from './policy/prefix-list';
export { maxPrefixLength, rejectPrefixes, acceptPrefixes } from './policy/prefix-filters';
export { pickRoutes, mergeWithdrawn } from './wire/nlri/nlri-lists';
export { filterFlows, flowAttributes, mapFlowActions, type FlowRouteView } from './policy/flow-routes';
export { filterFamilyRoutes, familyRouteAttributes, type FamilyRoute } from './policy/family-routes';
export type { FlowComponentName, FlowPrefixView, FlowView } from './families';
export { flowActionCommunity, flowActionOf, type FlowAction, type InterfaceSetDirection } from './families/flowspec';
export type { BitmaskComponent, BitmaskOp, FlowAfi, FlowComponent, FlowRule, NumericComponent, NumericOp, PrefixComponent, RouteDistinguisher } from './families/flowspec';
export { parseCommunity, formatCommunity, parseLargeCommunity, formatLargeCommunity } from './config';
