/** Route Refresh capability, code 2 (RFC 2918 §2): no Value. */
import { CapabilityCode } from '../iana';
import { flagCapability } from './codec';

export const routeRefresh = flagCapability(CapabilityCode.ROUTE_REFRESH, 'route-refresh', 'Route Refresh');
