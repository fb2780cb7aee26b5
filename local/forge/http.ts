/**
 * Conversions between what the @forge/* packages hand to `__forge_fetch__` (a path with a query
 * string and a fetch `init`) and the emulator's request/response records, and back to a WHATWG
 * `Response`, which is what the packages expect.
 */
import type { EmulatorRequest, EmulatorResponse } from '../jira/types';
import type { ForgeFetchInit } from './invocation';

export function normalizeHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (typeof Headers !== 'undefined' && h instanceof Headers) {
    h.forEach((v, k) => (out[k.toLowerCase()] = v));
  } else if (Array.isArray(h)) {
    for (const pair of h) if (Array.isArray(pair) && pair.length >= 2) out[String(pair[0]).toLowerCase()] = String(pair[1]);
  } else if (typeof h === 'object') {
    for (const [k, v] of Object.entries(h as Record<string, unknown>)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  }
  return out;
}

export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (body instanceof URLSearchParams) return body.toString();
  return String(body);
}

/** A JSON body parsed, or the raw text when it is not JSON (the emulator decides what to do). */
export function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function splitPath(pathWithQuery: string): { path: string; query: Record<string, string | string[]> } {
  const url = new URL(pathWithQuery, 'http://jira.local');
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  // The path stays percent-encoded, as on the wire: the emulator decodes path parameters itself.
  return { path: url.pathname, query };
}

export function toEmulatorRequest(pathWithQuery: string, init: ForgeFetchInit, actor: string): EmulatorRequest {
  const { path, query } = splitPath(pathWithQuery);
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    path,
    query,
    headers: normalizeHeaders(init.headers),
    body: parseBody(bodyText(init.body)),
    actor,
    origin: 'app',
  };
}

/** Status codes whose Response must not carry a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (NULL_BODY.has(status) || body === undefined) return new Response(null, { status, headers });
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function fromEmulatorResponse(res: EmulatorResponse): Response {
  return jsonResponse(res.status, res.body, res.headers);
}
