/**
 * Cisco's pre-standard Route Refresh capability, code 128 (private use range, RFC 5492 §4):
 * no Value. Older Cisco and Juniper speakers still send it beside code 2.
 */
import { CapabilityCode } from '../iana';
import { flagCapability } from './codec';

export const routeRefreshCisco = flagCapability(
  CapabilityCode.ROUTE_REFRESH_CISCO,
  'route-refresh-cisco',
  'Route Refresh (Cisco)',
);
