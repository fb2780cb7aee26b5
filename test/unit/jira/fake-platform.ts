/**
 * A fake Forge platform at its real boundary, `global.__forge_fetch__`: the real @forge/api builds
 * the requests (routes, providers, headers) and the tests answer them like Jira would.
 */

export interface PlatformCall {
  provider: string;
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Responder = (call: PlatformCall, index: number) => Reply | Promise<Reply>;

interface ForgeGlobal {
  __forge_fetch__?: (target: { provider?: string }, path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;
}

/** Installs the fake for the current test file; returns the calls it answered. */
export function fakeJira(responder: Responder): { calls: PlatformCall[] } {
  const calls: PlatformCall[] = [];
  (globalThis as ForgeGlobal).__forge_fetch__ = async (target, fullPath, init = {}) => {
    const [path = '', query = ''] = fullPath.split('?');
    const call: PlatformCall = {
      provider: target.provider ?? 'none',
      method: (init.method ?? 'GET').toUpperCase(),
      path,
      query: new URLSearchParams(query),
      body: typeof init.body === 'string' && init.body !== '' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const reply = await responder(call, calls.length - 1);
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : text, { status: reply.status, headers: { 'content-type': 'application/json', ...(reply.headers ?? {}) } });
  };
  return { calls };
}

/** Answers from a list, one per call, repeating the last. */
export function sequence(...replies: Reply[]): Responder {
  return (_call, index) => replies[Math.min(index, replies.length - 1)]!;
}

/** A sleep that records the waits and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}
