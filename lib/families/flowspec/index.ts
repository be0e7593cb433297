/**
 * FlowSpec (RFC 8955 IPv4, RFC 8956 IPv6; SAFI 133 flow and 134 flow-vpn): the pure codec the
 * family descriptors wrap. Imports only lib/wire.
 */
export type {
  BitmaskComponent,
  BitmaskOp,
  FlowAfi,
  FlowComponent,
  FlowFamily,
  FlowRule,
  FlowSafi,
  NumericComponent,
  NumericOp,
  PrefixComponent,
  RouteDistinguisher,
} from './types';
export { FlowComponentType, LAST_COMPONENT_TYPE, componentInfo, type ComponentInfo, type ComponentKind } from './component-types';

// Wire (RFC 8955 §4, RFC 8956 §3, RFC 7911 path ids).
export { decodeFlowNlri, type FlowNlriRun } from './decode-nlri';
export { decodeComponents } from './decode-rule';
export { encodeFlowNlriRun, encodeFlowRule, encodeFlowRuleValue } from './encode-rule';
export { flowNlriAttrError, type FlowNlriError } from './malformed';
export { MAX_FLOW_NLRI_LENGTH } from './nlri-length';
export {
  decodeRouteDistinguisher,
  encodeRouteDistinguisher,
  formatRouteDistinguisher,
  parseRouteDistinguisher,
  RD_LENGTH,
} from '../route-distinguisher';

// Identity and order (RIB key; RFC 8955 §5.1, RFC 8956 §4).
export { compareFlowRules, flowRuleKey, sameFlowRule } from './rule-key';

// ExaBGP text and JSON.
export { formatFlowRuleText, componentName, componentValueText } from './format-text';
export { flowRuleJson, componentJsonItems } from './format-json';

// Actions (RFC 8955 §7 and companions).
export { FlowActionType, flowActionCommunity, flowActionOf, type FlowAction, type InterfaceSetDirection } from './actions';
export {
  FlowIpv6ActionType,
  IPV6_EXTENDED_COMMUNITY_LENGTH,
  flowIpv6ActionCommunity,
  flowIpv6ActionOf,
  ipv6ExtendedCommunityAt,
  ipv6ExtendedCommunityBytes,
  type FlowIpv6Action,
} from './ipv6-actions';
export { extendedCommunityType, flowExtendedCommunityText, flowIpv6ExtendedCommunityText, isFlowActionCommunity } from './action-text';

// Text form: ExaBGP's process-API grammar (announce/withdraw flow route ...).
export {
  parseFlowRoute,
  type FlowRouteActions,
  type FlowRouteOptions,
  type FlowRouteParse,
  type ParsedFlowRoute,
} from './parse-flow-route';
export { parseFlowPrefix } from './parse-prefix';
export { parseBitmaskItem, parseNumericItem } from './parse-ops';

// JSON-config form: { match: { ... }, then: { ... }, rd?, nextHop?, family? }, read through the text parser.
export { decodeFlowConfig, type FlowConfigDecode } from './decode-flow-config';
export { encodeFlowConfig, type FlowConfigSource } from './encode-flow-config';
export {
  FLOW_CONFIG_FAMILIES,
  MATCH_CONFIG_KEYS,
  ROUTE_CONFIG_KEYS,
  THEN_CONFIG_KEYS,
  type FlowConfig,
  type FlowConfigFamily,
  type FlowConfigKey,
  type FlowConfigValue,
} from './config-keys';
