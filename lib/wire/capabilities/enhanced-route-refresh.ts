/** Enhanced Route Refresh capability, code 70 (RFC 7313 §3.1): no Value. */
import { CapabilityCode } from '../iana';
import { flagCapability } from './codec';

export const enhancedRouteRefresh = flagCapability(
  CapabilityCode.ENHANCED_ROUTE_REFRESH,
  'enhanced-route-refresh',
  'Enhanced Route Refresh',
);
