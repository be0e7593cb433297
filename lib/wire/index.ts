/**
 * The public wire API: typed messages, their codecs, the framer, IANA numbers and errors.
 * Layers above import from here; codec internals (attribute and NLRI registries, header
 * offsets) stay behind it.
 */
export * from './types';
export * from './iana';
export { BgpError, AttrError, AttrAction } from './errors';
export {
  formatIp,
  formatIpv4,
  formatIpv4Number,
  formatIpv6,
  formatPrefix,
  ipFamily,
  parseIp,
  parseIpv4,
  parseIpv6,
  parsePrefix,
  type ParsedPrefix,
} from './address';
export { Writer } from './writer';

// Messages, header included (RFC 4271 §4).
export { Framer, frame } from './framer';
export { decodeMessage, decodeHexMessage, encodeMessage, maxMessageLength } from './message';
export {
  MARKER_BYTES,
  badMessageLength,
  badMessageType,
  beginMessage,
  connectionNotSynchronized,
  endMessage,
  hasMarker,
} from './header';

// OPEN and capabilities (RFC 4271 §4.2, RFC 5492, RFC 9072).
export { asnFromOpen, decodeOpen, encodeOpenBody } from './open';
export {
  CAPABILITY_CODECS,
  capabilityCode,
  capabilityName,
  decodeCapabilities,
  decodeCapability,
  encodeCapabilities,
  encodeCapability,
  isMalformedCapability,
  type CapabilityCodec,
} from './capabilities';

// UPDATE (RFC 4271 §4.3, RFC 4760, RFC 7606), packing and End-of-RIB (RFC 4724 §2).
export { decodeUpdate, encodeUpdateBody, isClassic } from './update';
export { packUpdates } from './update-pack';
export { endOfRib, endOfRibMessage } from './end-of-rib';
export { communityName, communityValue, WELL_KNOWN_COMMUNITY_NAMES } from './community-names';

// NOTIFICATION (RFC 4271 §4.5, RFC 9003), KEEPALIVE (§4.4), ROUTE-REFRESH (RFC 2918, RFC 7313).
export {
  MAX_SHUTDOWN_COMMUNICATION,
  ceaseNotification,
  decodeNotification,
  encodeNotificationBody,
  hasShutdownCommunication,
  notificationFromError,
  notificationText,
  describeNotification,
  parseShutdownCommunication,
  shutdownCommunicationData,
} from './notification';
export { KEEPALIVE, KEEPALIVE_BYTES, decodeKeepalive } from './keepalive';
export { decodeRouteRefresh, encodeRouteRefreshBody, routeRefreshLengthError } from './route-refresh';
