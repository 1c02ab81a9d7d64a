/**
 * The server is a door to the files on this computer, so every request is checked before
 * anything else runs:
 * - its Host must be the server's own address (a page on another site that resolves its own
 *   name to 127.0.0.1 — DNS rebinding — is refused);
 * - an Origin, when a browser sends one, must be the server's own (no other site may drive it);
 * - a request that changes anything must carry the header `X-Shenbao: 1`, which a form on
 *   another site cannot send and a script there cannot send without a CORS preflight that
 *   this server never grants (CSRF);
 * - when the server listens beyond this computer (--host), every request needs the access
 *   token printed at start-up, as `?token=` once (then a cookie) or the X-Shenbao-Token header.
 */
import { timingSafeEqual } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refuse, type Refusal } from './refusal.js';

export interface Door {
  /** The address the server listens on (127.0.0.1 unless --host). */
  host: string;
  port: number;
  /** Required on every request when set (a server reachable from the network). */
  token?: string;
}

export const TOKEN_COOKIE = 'shenbao_token';
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** The Host header values that name this server. */
export function ownHosts(door: Door): Set<string> {
  const bracket = (a: string) => (a.includes(':') && !a.startsWith('[') ? `[${a}]` : a);
  let names: string[];
  if (isLoopback(door.host)) names = LOOPBACK;
  else if (door.host === '0.0.0.0' || door.host === '::') {
    // Listening on every address: a colleague opens it by this computer's LAN address or name.
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    names = [door.host, ...LOOPBACK, hostname().toLowerCase(), ...addresses].map(bracket);
  } else names = [bracket(door.host)];
  return new Set(names.map((n) => `${n}:${door.port}`));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    // A cookie that is not valid percent-encoding is no token (refused, not a crash).
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Why the request may not come in; undefined when it may. */
export function refusalOf(req: FastifyRequest, door: Door, hosts: Set<string>): Refusal | undefined {
  const host = req.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return refuse(421, 'server.badHost', { host: host.slice(0, 100) });
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) {
    return refuse(403, 'server.badOrigin', { origin: origin.slice(0, 100) });
  }
  if (UNSAFE.has(req.method) && req.headers['x-shenbao'] !== '1') return refuse(403, 'server.badOrigin', { origin: origin ?? '—' });
  if (door.token) {
    const query = (req.query as Record<string, unknown> | undefined)?.token;
    // Any one that holds: a cookie left by an earlier run of the server (another token) must
    // not shadow the ?token= of the address this run printed.
    const given = [req.headers['x-shenbao-token'], cookie(req, TOKEN_COOKIE), query];
    if (!given.some((g) => typeof g === 'string' && sameToken(g, door.token!))) return refuse(401, 'server.token', {});
  }
  return undefined;
}

/** A page opened with ?token= keeps it in a cookie, so the address bar need not show it again. */
export function rememberToken(req: FastifyRequest, reply: FastifyReply, door: Door): void {
  const query = (req.query as Record<string, unknown> | undefined)?.token;
  if (door.token && typeof query === 'string' && sameToken(query, door.token)) {
    reply.header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(door.token)}; Path=/; HttpOnly; SameSite=Strict`);
  }
}
