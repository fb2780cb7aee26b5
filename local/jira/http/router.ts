/**
 * A small path router for the emulator's REST routes: `/rest/api/3/issue/:issueIdOrKey` style
 * patterns, matched segment by segment. Route files register handlers here; the emulator core
 * neither knows nor cares which resources exist.
 */
import type { EmulatorRequest, IssueChangeEvent } from '../types';
import type { IssueRecord, UserDef } from '../state/model';
import type { Store } from '../state/store';

export interface RouteContext {
  req: EmulatorRequest;
  params: Record<string, string>;
  store: Store;
  actor: UserDef;
  /** Queue an issue event; listeners get it after the request has been handled. */
  emit(event: IssueChangeEvent): void;
  /** The issue as the search index has it (index-lag.ts): an older copy, or undefined when not indexed yet. Absent: the issue itself. */
  indexed?(issue: IssueRecord): IssueRecord | undefined;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

export type RouteMatch = { kind: 'found'; handler: RouteHandler; params: Record<string, string> } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: RouteHandler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: RouteHandler): this {
    return this.add('POST', pattern, handler);
  }
  put(pattern: string, handler: RouteHandler): this {
    return this.add('PUT', pattern, handler);
  }
  delete(pattern: string, handler: RouteHandler): this {
    return this.add('DELETE', pattern, handler);
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    let pathMatched = false;
    // Literal segments win over parameters (`/issue/bulk` before `/issue/:key`), so try routes
    // with more literal segments first.
    const candidates = this.routes
      .filter((r) => r.segments.length === segments.length)
      .sort((a, b) => literalCount(b) - literalCount(a));
    for (const route of candidates) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function literalCount(route: Route): number {
  return route.segments.filter((s) => !s.startsWith(':')).length;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return null;
      }
    } else if (p !== a) {
      return null;
    }
  }
  return params;
}
