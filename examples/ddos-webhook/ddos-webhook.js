#!/usr/bin/env node
// A DDoS-mitigation webhook for rxbgp (or ExaBGP): an alert POSTed as JSON on loopback becomes a
// BGP FlowSpec rule (RFC 8955 / RFC 8956) that rxbgp sends to the edge routers, and goes away again
// on "unban" or when its TTL runs out. See README.md beside this file.
//
// rxbgp starts this program as an API process (the "processes" block of rxbgp.json). Like every
// ExaBGP helper it prints commands on stdout (`announce flow route ...`) and reads rxbgp's answer
// to each (`done` or `error`, after any lines of text) on stdin, in order. Each HTTP request waits
// for that answer, so a 200 means rxbgp took the rule, and rxbgp's error comes back as the reply.
//
//   POST /alert   {"action":"ban","ip":"192.0.2.10","protocol":"udp","port":53,"ttl":600}
//                 or FastNetMon's web callback JSON ({"ip", "action", "attack_details": {...}})
//   GET  /bans    the rules announced now, with their expiry
//
// Options (arguments, or the environment variable in brackets):
//   --listen HOST:PORT     where to listen, loopback only [DDOS_WEBHOOK_LISTEN] (127.0.0.1:8787)
//   --ttl SECONDS          expiry of bans that give no "ttl"; 0: none [DDOS_WEBHOOK_TTL] (0)
//   --answer-timeout SECS  how long a request waits for rxbgp's answer [DDOS_WEBHOOK_ANSWER_TIMEOUT] (10)
//   --max-bans N           active bans kept at most [DDOS_WEBHOOK_MAX_BANS] (10000)
//
// Plain Node.js (20 or later), no dependencies. CommonJS.
'use strict';

const http = require('http');
const net = require('net');
const readline = require('readline');

const MAX_BODY_BYTES = 64 * 1024;
/** A TTL longer than this is refused: Node's timers overflow past 2^31 ms (24.8 days) and fire at once. */
const MAX_TTL_SECONDS = 7 * 24 * 3600;
/** RFC 8955 §7: traffic-rate is an IEEE float in bytes per second; keep to whole numbers a person would write. */
const MAX_RATE = 1e12;
const PROTOCOLS = ['tcp', 'udp', 'icmp', 'gre'];
const OWN_KEYS = ['action', 'ip', 'direction', 'protocol', 'port', 'rateLimit', 'ttl'];

// --------------------------------------------------------------------------- settings

/** A request that cannot be turned into a rule: answered with `status` and `message`. */
class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function readSettings(argv, env) {
  const given = {
    listen: env.DDOS_WEBHOOK_LISTEN || '127.0.0.1:8787',
    ttl: env.DDOS_WEBHOOK_TTL || '0',
    'answer-timeout': env.DDOS_WEBHOOK_ANSWER_TIMEOUT || '10',
    // Each ban holds a timer here and a rule on the routers, whose FlowSpec tables are small.
    'max-bans': env.DDOS_WEBHOOK_MAX_BANS || '10000',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in given) || !argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]} (options: --listen, --ttl, --answer-timeout, --max-bans)`);
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    given[name] = argv[i + 1];
  }
  // "127.0.0.1:8787" or "[::1]:8787".
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(given.listen);
  if (!m) throw new Error(`--listen ${given.listen}: expected HOST:PORT, e.g. 127.0.0.1:8787 or [::1]:8787`);
  const host = m[1] || m[2];
  const port = Number(m[3]);
  if (!isLoopback(host)) throw new Error(`--listen ${given.listen}: ${host} is not a loopback address (127.0.0.0/8 or ::1); this webhook has no authentication, so it only listens on loopback`);
  if (port < 1 || port > 65535) throw new Error(`--listen ${given.listen}: port must be 1-65535`);
  const ttl = Number(given.ttl);
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_SECONDS) throw new Error(`--ttl ${given.ttl}: expected whole seconds from 0 (no expiry) to ${MAX_TTL_SECONDS}`);
  const answerTimeout = Number(given['answer-timeout']);
  if (!(answerTimeout > 0 && answerTimeout <= 3600)) throw new Error(`--answer-timeout ${given['answer-timeout']}: expected seconds, more than 0 and at most 3600`);
  const maxBans = Number(given['max-bans']);
  if (!Number.isInteger(maxBans) || maxBans < 1 || maxBans > 1e6) throw new Error(`--max-bans ${given['max-bans']}: expected a whole number from 1 to 1000000`);
  return { host, port, ttl, answerTimeoutMs: answerTimeout * 1000, maxBans };
}

function isLoopback(host) {
  if (net.isIPv4(host)) return host.startsWith('127.');
  return net.isIPv6(host) && canonicalIp(host) === '::1';
}

/** One text per address, so that "2001:DB8::0010" and "2001:db8::10" are the same ban. */
function canonicalIp(ip) {
  return net.isIPv6(ip) ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip;
}

// --------------------------------------------------------------------------- alerts

/**
 * The alert in its one shape: { action, ip, version, direction, protocol, port, rateLimit, ttl }.
 * Two inputs are read:
 * - this webhook's own JSON: { "action": "ban"|"unban", "ip": "...", "direction"?: "incoming"|"outgoing",
 *   "protocol"?: "tcp"|"udp"|"icmp"|"gre"|0-255, "port"?: 0-65535, "rateLimit"?: bytes/s, "ttl"?: seconds };
 * - FastNetMon's web callback / JSON notify script document
 *   (https://fastnetmon.com/docs-fnm-advanced/fastnetmon-json-formats/): { "ip", "action": "ban"|"unban",
 *   "alert_scope": "host", "attack_details": { "attack_direction", "attack_protocol", ... } }.
 *   Its other fields (traffic counters, packet dumps) are ignored; a protocol FastNetMon names but
 *   this webhook does not ("unknown", ...) gives a rule on the address alone.
 */
function readAlert(body, defaultTtl) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal(400, 'the body must be a JSON object');
  const details = body.attack_details;
  const fastnetmon = details !== undefined;
  if (fastnetmon) {
    if (typeof details !== 'object' || details === null || Array.isArray(details)) throw new Refusal(400, '"attack_details" must be an object (FastNetMon\'s attack details)');
    if (body.alert_scope !== undefined && body.alert_scope !== 'host')
      throw new Refusal(400, `"alert_scope": ${JSON.stringify(body.alert_scope)} is not handled: only per-host alerts ("host") name one address to filter`);
  } else {
    const unknown = Object.keys(body).filter((k) => !OWN_KEYS.includes(k));
    if (unknown.length) throw new Refusal(400, `unknown key ${JSON.stringify(unknown[0])}; the keys are ${OWN_KEYS.join(', ')} (or FastNetMon's ip, action, alert_scope, attack_details)`);
  }

  const action = body.action;
  if (action !== 'ban' && action !== 'unban') throw new Refusal(400, `"action": ${JSON.stringify(action)} is not "ban" or "unban"`);

  if (typeof body.ip !== 'string' || net.isIP(body.ip) === 0 || body.ip.includes('%'))
    throw new Refusal(400, `"ip": ${JSON.stringify(body.ip)} is not an IPv4 or IPv6 address (a host, not a prefix)`);
  const ip = canonicalIp(body.ip);
  const version = net.isIP(ip);

  const direction = body.direction !== undefined ? body.direction : fastnetmon ? details.attack_direction : undefined;
  if (direction !== undefined && direction !== 'incoming' && direction !== 'outgoing')
    throw new Refusal(400, `${body.direction !== undefined ? '"direction"' : '"attack_details.attack_direction"'}: ${JSON.stringify(direction)} is not "incoming" or "outgoing"`);

  let protocol = body.protocol;
  if (protocol === undefined && fastnetmon && PROTOCOLS.includes(details.attack_protocol)) protocol = details.attack_protocol;
  if (protocol !== undefined && !PROTOCOLS.includes(protocol) && !(Number.isInteger(protocol) && protocol >= 0 && protocol <= 255))
    throw new Refusal(400, `"protocol": ${JSON.stringify(protocol)} is not one of ${PROTOCOLS.join(', ')} or a protocol number 0-255`);

  const port = body.port;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new Refusal(400, `"port": ${JSON.stringify(port)} is not a port number 0-65535`);

  const rateLimit = body.rateLimit;
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit >= 0 && rateLimit <= MAX_RATE))
    throw new Refusal(400, `"rateLimit": ${JSON.stringify(rateLimit)} is not a rate in bytes per second, a whole number from 0 (discard) to ${MAX_RATE}`);

  const ttl = body.ttl !== undefined ? body.ttl : defaultTtl;
  if (!(Number.isInteger(ttl) && ttl >= 0 && ttl <= MAX_TTL_SECONDS)) throw new Refusal(400, `"ttl": ${JSON.stringify(ttl)} is not whole seconds from 0 (no expiry) to ${MAX_TTL_SECONDS}`);

  if (action === 'unban' && (rateLimit !== undefined || body.ttl !== undefined)) throw new Refusal(400, '"rateLimit" and "ttl" belong to a ban, not an unban');
  return { action, ip, version, direction: direction || 'incoming', directionGiven: direction !== undefined, protocol, port, rateLimit, ttl };
}

/**
 * The match of a rule, in ExaBGP's one-line flow grammar. The attacked host is the destination of
 * incoming attack traffic and the source of outgoing traffic; `port` is the port the traffic goes to.
 * IPv6 names the protocol "next-header" (RFC 8956 §3.3), and ICMP there is ICMPv6 (58).
 */
function matchText(a) {
  const words = [a.direction === 'incoming' ? 'destination' : 'source', `${a.ip}/${a.version === 4 ? 32 : 128}`];
  if (a.protocol !== undefined) {
    const name = a.version === 6 && a.protocol === 'icmp' ? 58 : a.protocol;
    words.push(a.version === 4 ? 'protocol' : 'next-header', `[ ${name} ]`);
  }
  if (a.port !== undefined) words.push('destination-port', `[ =${a.port} ]`);
  return words.join(' ');
}

/** The action: discard, or traffic-rate in bytes per second (RFC 8955 §7.1; rate 0 is discard). */
function thenText(a) {
  return a.rateLimit ? `rate-limit ${a.rateLimit}` : 'discard';
}

// --------------------------------------------------------------------------- rxbgp

/**
 * The process API channel: commands out on stdout, answers in on stdin. rxbgp answers every line
 * in the order it got them (docs/process-api.md "Acks"), so the answers are matched to a FIFO of
 * waiting commands. Lines before `done`/`error` are the answer's text (rxbgp's error message);
 * JSON lines are events (none are asked for in rxbgp.json, but a shutdown notice may come).
 */
class Rxbgp {
  constructor(input, output, log) {
    this.output = output;
    this.log = log;
    this.waiting = [];
    this.text = [];
    this.closed = false;
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    lines.on('line', (line) => this.onLine(line.trim()));
    lines.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w({ ok: false, text: 'rxbgp closed the channel' });
    });
  }

  /** Prints one command and resolves with { ok, text } once rxbgp has answered it. */
  command(line) {
    if (this.closed) return Promise.resolve({ ok: false, text: 'rxbgp closed the channel' });
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      // A pipe to rxbgp: one write per line, nothing held back in a buffer.
      this.output.write(`${line}\n`);
    });
  }

  onLine(line) {
    if (line === '' || line.startsWith('{')) return;
    if (line !== 'done' && line !== 'error') {
      this.text.push(line);
      return;
    }
    const answer = { ok: line === 'done', text: this.text.splice(0).join('; ') };
    const resolve = this.waiting.shift();
    if (resolve) resolve(answer);
    else this.log(`an answer nobody waited for: ${line} ${answer.text}`);
  }
}

// --------------------------------------------------------------------------- bans

/**
 * The rules this webhook announced, by their match text, so that an unban withdraws exactly what
 * was announced. Every change goes through one queue: a ban, an unban and an expiry of the same
 * address never overlap, and each one's state is updated from rxbgp's answer.
 */
class Bans {
  constructor(rxbgp, settings, log) {
    this.rxbgp = rxbgp;
    this.settings = settings;
    this.log = log;
    this.active = new Map(); // match text -> { alert, announce, expires, timer }
    this.queue = Promise.resolve();
  }

  /** Runs fn after every change queued before it. */
  serial(fn) {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Sends one command; rejects with a Refusal on `error` or no answer in time (the answer, when it comes, still updates the state). */
  async send(line, onDone) {
    const answered = this.rxbgp.command(line).then((answer) => {
      if (answer.ok) onDone();
      return answer;
    });
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, this.settings.answerTimeoutMs, undefined)));
    const answer = await Promise.race([answered, late]);
    clearTimeout(timer);
    if (answer === undefined) throw new Refusal(504, `rxbgp did not answer within ${this.settings.answerTimeoutMs / 1000} s: ${line}`);
    if (!answer.ok) throw new Refusal(502, `rxbgp answered error${answer.text ? `: ${answer.text}` : ''} (command: ${line})`);
  }

  ban(alert) {
    return this.serial(async () => {
      const key = matchText(alert);
      const max = this.settings.maxBans;
      if (!this.active.has(key) && this.active.size >= max) throw new Refusal(503, `${max} bans are active already (--max-bans); unban some first`);
      const announce = `announce flow route ${key} ${thenText(alert)}`;
      await this.send(announce, () => {
        const old = this.active.get(key);
        if (old) clearTimeout(old.timer);
        const ban = { alert, announce, expires: alert.ttl ? new Date(Date.now() + alert.ttl * 1000) : null, timer: undefined };
        if (alert.ttl) ban.timer = setTimeout(() => this.expire(key, ban), alert.ttl * 1000);
        this.active.set(key, ban);
        this.log(`ban: ${announce}${ban.expires ? ` (until ${ban.expires.toISOString()})` : ''}`);
      });
      const ban = this.active.get(key);
      return { ok: true, action: 'ban', rules: [announce], expires: ban && ban.expires ? ban.expires.toISOString() : null };
    });
  }

  /** Withdraws every active ban of the address that matches what the unban names (direction, protocol, port). */
  unban(alert) {
    return this.serial(async () => {
      const keys = [...this.active].filter(([, b]) => sameTarget(b.alert, alert)).map(([key]) => key);
      if (keys.length === 0) throw new Refusal(404, `no active ban matches ${matchText(alert)}`);
      const rules = [];
      for (const key of keys) {
        const withdraw = `withdraw flow route ${key}`;
        await this.send(withdraw, () => this.forget(key, `unban: ${withdraw}`));
        rules.push(withdraw);
      }
      return { ok: true, action: 'unban', rules };
    });
  }

  /** The TTL ran out: withdraw, unless a later ban replaced this one meanwhile. */
  expire(key, ban) {
    this.serial(async () => {
      if (this.active.get(key) !== ban) return;
      const withdraw = `withdraw flow route ${key}`;
      await this.send(withdraw, () => this.forget(key, `expired: ${withdraw}`));
    }).catch((e) => this.log(`expiry of ${key} failed, the rule stays: ${e.message}`));
  }

  forget(key, why) {
    const ban = this.active.get(key);
    if (ban) clearTimeout(ban.timer);
    this.active.delete(key);
    this.log(why);
  }

  list() {
    return [...this.active.values()].map((b) => ({ rule: b.announce, ip: b.alert.ip, expires: b.expires ? b.expires.toISOString() : null }));
  }

  stop() {
    for (const b of this.active.values()) clearTimeout(b.timer);
  }
}

/** Does an active ban fall under an unban? Same address; and same direction, protocol, port where the unban names them. */
function sameTarget(ban, unban) {
  return (
    ban.ip === unban.ip &&
    (!unban.directionGiven || ban.direction === unban.direction) &&
    (unban.protocol === undefined || ban.protocol === unban.protocol) &&
    (unban.port === undefined || ban.port === unban.port)
  );
}

// --------------------------------------------------------------------------- HTTP

function reply(res, status, body) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The request body as JSON, refusing more than MAX_BODY_BYTES. The rest of a body somewhat too large
 * is read and dropped, so the client gets its 413 rather than a reset; a far larger one is cut off.
 */
function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > 16 * MAX_BODY_BYTES) req.destroy();
    });
    req.on('error', reject);
    req.on('close', () => reject(new Refusal(413, `the body is larger than ${MAX_BODY_BYTES} bytes`)));
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new Refusal(413, `the body is larger than ${MAX_BODY_BYTES} bytes`));
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(new Refusal(400, text.trim() === '' ? 'the body is empty: expected a JSON alert' : `the body is not JSON: ${e.message}`));
      }
    });
  });
}

function handler(bans, settings, log) {
  return async (req, res) => {
    const path = (req.url || '/').split('?')[0];
    try {
      if (path === '/bans') {
        if (req.method !== 'GET') throw new Refusal(405, `${req.method} /bans: use GET`);
        return reply(res, 200, { ok: true, bans: bans.list() });
      }
      if (path !== '/alert') throw new Refusal(404, `no ${path} here: POST alerts to /alert, GET /bans`);
      if (req.method !== 'POST') throw new Refusal(405, `${req.method} /alert: use POST with a JSON alert`);
      const alert = readAlert(await readJson(req), settings.ttl);
      reply(res, 200, alert.action === 'ban' ? await bans.ban(alert) : await bans.unban(alert));
    } catch (e) {
      if (!(e instanceof Refusal)) log(`${req.method} ${path}: ${e.stack || e}`);
      const status = e instanceof Refusal ? e.status : 500;
      if (status === 405) res.setHeader('allow', path === '/bans' ? 'GET' : 'POST');
      reply(res, status, { ok: false, error: e instanceof Refusal ? e.message : `internal error: ${e.message}` });
    }
  };
}

// --------------------------------------------------------------------------- main

function main() {
  // stderr goes to rxbgp's log, one entry per line.
  const log = (line) => process.stderr.write(`ddos-webhook: ${line}\n`);
  let settings;
  try {
    settings = readSettings(process.argv.slice(2), process.env);
  } catch (e) {
    log(e.message);
    process.exit(2);
  }
  const rxbgp = new Rxbgp(process.stdin, process.stdout, log);
  const bans = new Bans(rxbgp, settings, log);
  const server = http.createServer(handler(bans, settings, log));
  server.on('error', (e) => {
    log(`cannot listen on ${settings.host}:${settings.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(settings.port, settings.host, () => log(`listening on http://${net.isIPv6(settings.host) ? `[${settings.host}]` : settings.host}:${settings.port}/alert`));
  // rxbgp closes our stdin when it stops: stop too (the rules go with rxbgp's sessions).
  process.stdin.on('end', () => {
    bans.stop();
    server.close();
    process.exit(0);
  });
  process.stdout.on('error', (e) => {
    log(`stdout: ${e.message}`);
    process.exit(1);
  });
}

if (require.main === module) main();

module.exports = { readSettings, readAlert, matchText, thenText };
