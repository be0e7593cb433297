/**
 * FlowSpec command lines as DDoS-mitigation tools and ExaBGP's own examples write them for
 * ExaBGP's process API (issue 12, "Real peers and real tools"), each with the withdrawal the same
 * tool writes, and what GoBGP 3.10 holds once rxbgp has sent the announcement
 * (`gobgp global rib -a ipv4-flowspec|ipv6-flowspec -j`: the rule text and EXTENDED_COMMUNITIES).
 *
 * The lines are data: kept as the tools build them (spacing, brackets or none, upper-case TCP flag
 * names, literal `\n` escapes, trailing blanks), with only addresses changed where two lines
 * would otherwise be the same rule. Where a line comes from code that builds it, the comment
 * names the function and the line is what that function outputs for the values shown.
 */
import type { GobgpView } from './flow-rules';

export interface ToolLine {
  /** Short name for test titles. */
  readonly name: string;
  readonly afi: 1 | 2;
  readonly announce: string;
  readonly withdraw: string;
  /** What GoBGP holds for the rule (recorded from gobgpd 3.10 and checked against the line by hand); none when refused. */
  readonly gobgp?: GobgpView;
  /** rxbgp refuses the line, with this error (rxbgp cli's answer); ExaBGP 4.2 refuses it too. */
  readonly refused?: string;
}

/**
 * The block form with literal "\n" escapes (ExaBGP 3's multi-line commands, still in ExaBGP 4.2's
 * shipped examples): ExaBGP 4.2.21 refuses it as well ("command could not parse flow in : ..."),
 * so rxbgp's refusal keeps ExaBGP 4.2's behaviour; the tools that write it send nothing with either.
 */
export const ESCAPED_NEWLINE_ERROR = 'expected match {, then {, scope {, rd, next-hop or } to close the route: "\\n" (column 22)';

const DISCARD = [{ type: 128, subtype: 6, as: 0, rate: 0 }];
const rate = (r: number): object[] => [{ type: 128, subtype: 6, as: 0, rate: r }];

export const TOOL_LINES: readonly ToolLine[] = [
  {
    // FastNetMon, docs/BGP_FLOW_SPEC.md (pavel-odintsov/fastnetmon): the announcer.py example written to ExaBGP's pipe.
    name: 'FastNetMon docs one-line rule',
    afi: 1,
    announce: 'announce flow route source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ] rate-limit 1024',
    withdraw: 'withdraw flow route source 4.0.0.0/24 destination 127.0.0.0/24 protocol [ udp ] source-port [ =53 ] destination-port [ =80 ] packet-length [ =777 =1122 ] fragment [ is-fragment dont-fragment ] rate-limit 1024',
    gobgp: { rule: '[destination: 127.0.0.0/24][source: 4.0.0.0/24][protocol: ==udp][destination-port: ==80][source-port: ==53][packet-length: ==777 ==1122][fragment: is-fragment dont-fragment]', extcomms: rate(1024) },
  },
  {
    // FastNetMon, src/bgp_flow_spec.h exabgp_flow_spec_rule_t::serialize_single_line_exabgp_v4_configuration()
    // ("announce " + its output): separator " " (so a trailing blank), tcp-flags only with tcp, action discard.
    name: 'FastNetMon single-line serializer, discard',
    afi: 1,
    announce: 'announce flow route source 10.199.0.1/32 destination 10.200.0.1/32 protocol [ tcp ] tcp-flags [ syn ack ] source-port [ =80 ] destination-port [ =443 =8443 ] packet-length [ =1500 ] fragment [ dont-fragment ] discard ',
    withdraw: 'withdraw flow route source 10.199.0.1/32 destination 10.200.0.1/32 protocol [ tcp ] tcp-flags [ syn ack ] source-port [ =80 ] destination-port [ =443 =8443 ] packet-length [ =1500 ] fragment [ dont-fragment ] discard ',
    gobgp: { rule: '[destination: 10.200.0.1/32][source: 10.199.0.1/32][protocol: ==tcp][destination-port: ==443 ==8443][source-port: ==80][tcp-flags: S A][packet-length: ==1500][fragment: dont-fragment]', extcomms: DISCARD },
  },
  {
    // FastNetMon, the same serializer with its default action object set to rate-limit (default value 9600)
    // and its other fragment and tcp flag names (not-a-fragment, urgent, push, rst, fin).
    name: 'FastNetMon single-line serializer, rate-limit 9600',
    afi: 1,
    announce: 'announce flow route destination 10.200.0.2/32 protocol [ tcp udp ] tcp-flags [ fin rst push urgent ] packet-length [ =64 =1500 ] fragment [ not-a-fragment ] rate-limit 9600 ',
    withdraw: 'withdraw flow route destination 10.200.0.2/32 protocol [ tcp udp ] tcp-flags [ fin rst push urgent ] packet-length [ =64 =1500 ] fragment [ not-a-fragment ] rate-limit 9600 ',
    gobgp: { rule: '[destination: 10.200.0.2/32][protocol: ==tcp ==udp][tcp-flags: F R P U][packet-length: ==64 ==1500][fragment: !is-fragment]', extcomms: rate(9600) },
  },
  {
    // FastNetMon, the same serializer with its default action type, FLOW_SPEC_ACTION_ACCEPT ("accept").
    name: 'FastNetMon single-line serializer, accept',
    afi: 1,
    announce: 'announce flow route source 10.199.0.3/32 destination 10.200.0.3/32 protocol [ icmp ] accept ',
    withdraw: 'withdraw flow route source 10.199.0.3/32 destination 10.200.0.3/32 protocol [ icmp ] accept ',
    gobgp: { rule: '[destination: 10.200.0.3/32][source: 10.199.0.3/32][protocol: ==icmp]', extcomms: [] },
  },
  {
    // ExaBGP 4.2, examples/run/api-flow.run (Debian's /usr/share/doc/exabgp/examples): block form; its withdrawal has no then block.
    name: 'ExaBGP api-flow.run block form, rate-limit 0',
    afi: 1,
    announce: 'announce flow route { match { source 0.0.0.0/32; destination 0.0.0.0/32; destination-port =3128; protocol tcp; } then { rate-limit 0; } }',
    withdraw: 'withdraw flow route { match { source 0.0.0.0/32; destination 0.0.0.0/32; destination-port =3128; protocol tcp; } }',
    gobgp: { rule: '[destination: 0.0.0.0/32][source: 0.0.0.0/32][protocol: ==tcp][destination-port: ==3128]', extcomms: DISCARD },
  },
  {
    // ExaBGP 4.2, examples/run/api-flow.run: the largest rate its example uses.
    name: 'ExaBGP api-flow.run block form, rate-limit 65535',
    afi: 1,
    announce: 'announce flow route { match { source 255.255.255.255/32; destination 255.255.255.255/32; } then { rate-limit 65535; } }',
    withdraw: 'withdraw flow route { match { source 255.255.255.255/32; destination 255.255.255.255/32; } then { rate-limit 65535; } }',
    gobgp: { rule: '[destination: 255.255.255.255/32][source: 255.255.255.255/32]', extcomms: rate(65535) },
  },
  {
    // ExaBGP 4.2, examples/run/dynamic-1.sh and example-tcp-control.run: the block form with literal
    // "\n" escapes (backslash, n) where the older multi-line syntax had line breaks.
    name: 'ExaBGP dynamic-1.sh escaped-newline form',
    afi: 1,
    announce: 'announce flow route {\\n match {\\n source 10.0.0.1/32;\\n destination 1.2.3.4/32;\\n }\\n then {\\n discard;\\n }\\n }\\n',
    withdraw: 'withdraw flow route {\\n match {\\n source 10.0.0.1/32;\\n destination 1.2.3.4/32;\\n }\\n then {\\n discard;\\n }\\n }\\n',
    refused: ESCAPED_NEWLINE_ERROR,
  },
  {
    // ExaFS (CESNET/exafs), flowapp/messages.py create_ipv4() + create_message(): blanks where a field is
    // empty, "protocol =tcp;", TCP flags upper case without brackets, as ExaFS stores them ("SYN;ACK").
    // ExaBGP 4.2 keeps only the first item of a list without brackets ("tcp-flags syn"); rxbgp keeps both.
    name: 'ExaFS IPv4 discard, tcp-flags SYN ACK',
    afi: 1,
    announce: 'announce flow route {  match { source 147.230.17.6/32;   destination 10.201.0.1/32; destination-port =80; protocol =tcp;  tcp-flags SYN ACK;  } then { discard;  } }',
    withdraw: 'withdraw flow route {  match { source 147.230.17.6/32;   destination 10.201.0.1/32; destination-port =80; protocol =tcp;  tcp-flags SYN ACK;  } then { discard;  } }',
    gobgp: { rule: '[destination: 10.201.0.1/32][source: 147.230.17.6/32][protocol: ==tcp][destination-port: ==80][tcp-flags: S A]', extcomms: DISCARD },
  },
  {
    // ExaFS, flowapp/messages.py create_ipv4(): translate_sequence("1024-65535;53") gives two items without
    // brackets; packet length "<100" gives ">=0&<=100"; action command "rate-limit 12800".
    // ExaBGP 4.2 keeps only ">=1024&<=65535" of the source ports (the =53 item is lost); rxbgp keeps both.
    name: 'ExaFS IPv4 rate-limit, ranges without brackets',
    afi: 1,
    announce: 'announce flow route {  match {  source-port >=1024&<=65535 =53;  destination 10.201.0.2/32;  protocol =udp; fragment [ is-fragment ];  packet-length >=0&<=100; } then { rate-limit 12800;  } }',
    withdraw: 'withdraw flow route {  match {  source-port >=1024&<=65535 =53;  destination 10.201.0.2/32;  protocol =udp; fragment [ is-fragment ];  packet-length >=0&<=100; } then { rate-limit 12800;  } }',
    gobgp: { rule: '[destination: 10.201.0.2/32][protocol: ==udp][source-port: >=1024&<=65535 ==53][packet-length: >=0&<=100][fragment: is-fragment]', extcomms: rate(12800) },
  },
  {
    // ExaFS, flowapp/messages.py create_ipv6(): plain "source" / "destination" with IPv6 prefixes and "next-header =tcp;".
    name: 'ExaFS IPv6 discard',
    afi: 2,
    announce: 'announce flow route {  match { source 2001:db8:beef::1/128;   destination 2001:db8:201::/64; destination-port =443; next-header =tcp;  tcp-flags SYN;  } then { discard;  } }',
    withdraw: 'withdraw flow route {  match { source 2001:db8:beef::1/128;   destination 2001:db8:201::/64; destination-port =443; next-header =tcp;  tcp-flags SYN;  } then { discard;  } }',
    gobgp: { rule: '[destination: 2001:db8:201::/64/0][source: 2001:db8:beef::1/128/0][protocol: ==tcp][destination-port: ==443][tcp-flags: S]', extcomms: DISCARD },
  },
  {
    // ExaFS, flowapp/messages.py create_message() with USE_MULTI_NEIGHBOR: "neighbor <peer> " before the command.
    name: 'ExaFS multi-neighbor prefix',
    afi: 1,
    announce: 'neighbor 127.0.0.205 announce flow route {  match {    destination 10.201.0.3/32;  protocol =icmp;    } then { rate-limit 0;  } }',
    withdraw: 'neighbor 127.0.0.205 withdraw flow route {  match {    destination 10.201.0.3/32;  protocol =icmp;    } then { rate-limit 0;  } }',
    gobgp: { rule: '[destination: 10.201.0.3/32][protocol: ==icmp]', extcomms: DISCARD },
  },
  {
    // A Go DDoS mitigation service (public GitHub code, FlowSpec.ExaBGPAnnounce / ExaBGPWithdraw): lower-case
    // flags joined by "&" in brackets, "fragment [ is-fragment ];", "icmp-type =N" items, the then block kept in the withdrawal.
    name: 'Go mitigation service, tcp-flags [ syn&!ack ]',
    afi: 1,
    announce: 'announce flow route { match { destination 10.202.0.1/32; protocol tcp; destination-port =80; fragment [ is-fragment ]; tcp-flags [ syn&!ack ]; } then { rate-limit 125000; } }',
    withdraw: 'withdraw flow route { match { destination 10.202.0.1/32; protocol tcp; destination-port =80; fragment [ is-fragment ]; tcp-flags [ syn&!ack ]; } then { rate-limit 125000; } }',
    gobgp: { rule: '[destination: 10.202.0.1/32][protocol: ==tcp][destination-port: ==80][tcp-flags: S&!A][fragment: is-fragment]', extcomms: rate(125000) },
  },
  {
    // An FRR FlowSpec test script (public GitHub shell script, "spike_flowspec_frr.sh"): echo into ExaBGP's FIFO.
    name: 'FRR spike script, protocol tcp without =',
    afi: 1,
    announce: 'announce flow route { match { destination 10.203.0.1/32; protocol tcp; destination-port =80; } then { discard; } }',
    withdraw: 'withdraw flow route { match { destination 10.203.0.1/32; protocol tcp; destination-port =80; } then { discard; } }',
    gobgp: { rule: '[destination: 10.203.0.1/32][protocol: ==tcp][destination-port: ==80]', extcomms: DISCARD },
  },
  {
    // exabgp-voipbl (GeertHauwaerts/exabgp-voipbl), the PHP helper's FlowSpec method: escaped "\n" form with
    // a community in the then block (its config fills "destination-port =5060;\n " and "protocol udp;\n ").
    name: 'exabgp-voipbl escaped-newline form with a community',
    afi: 1,
    announce: 'announce flow route {\\n match {\\n source 10.204.0.0/24;\\n destination-port =5060;\\n protocol udp;\\n }\\n then {\\n community [65001:666];\\n discard;\\n }\\n }\\n',
    withdraw: 'withdraw flow route {\\n match {\\n source 10.204.0.0/24;\\n destination-port =5060;\\n protocol udp;\\n }\\n then {\\n community [65001:666];\\n discard;\\n }\\n }\\n',
    refused: ESCAPED_NEWLINE_ERROR,
  },
];
