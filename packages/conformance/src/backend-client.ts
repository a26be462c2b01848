import {
  DELETE_TOKEN_HEADER,
  OBJECT_ROUTES,
  ROUTES,
  UPLOAD_TOKEN_HEADER,
  type ObjectRouteName,
  type RouteName,
} from '@ferry/core/protocol';
import type { AnswerValidator } from './answer-validator.js';

/** A backend's answer: its status and its body, parsed when it is JSON. */
export interface BackendAnswer {
  readonly status: number;
  /** The parsed JSON body, or `undefined` when the body is not JSON. */
  readonly body: unknown;
  /** The body as sent (for messages). */
  readonly text: string;
}

/** One call of a route; everything but the route is optional. */
export interface RouteCall {
  readonly uploadId?: string;
  readonly partNumber?: number | string;
  readonly query?: Record<string, string>;
  /** A JSON body (an object), or a string sent as it is (malformed JSON, huge bodies). */
  readonly body?: unknown;
  /** The upload token, sent in the protocol's header. */
  readonly token?: string;
  /** A delete token, sent in the protocol's delete token header. */
  readonly deleteToken?: string;
  /** Headers that replace the caller's own (another caller's identity). */
  readonly headers?: Record<string, string>;
}

/** What the kit saw of one route's answers: the shape problems found, and how many answers were checked. */
export interface RouteShapeLog {
  checked: number;
  /** Answers with HTTP 200. */
  succeeded: number;
  readonly problems: string[];
}

/** A route the kit calls: an upload route, or one about stored objects (optional for a backend). */
export type KitRoute = RouteName | ObjectRouteName;

const KIT_ROUTES: Readonly<Record<KitRoute, { method: string; path: string }>> = { ...ROUTES, ...OBJECT_ROUTES };

/**
 * Calls a backend's routes as Ferry's client does (the paths, methods and token header of
 * `@ferry/core/protocol`), checks every answer against the OpenAPI document and keeps, per route,
 * what did not fit.
 */
export class BackendClient {
  /** Per route: answers checked and shape problems found. */
  readonly shapes = new Map<KitRoute, RouteShapeLog>();

  constructor(
    private readonly base: string,
    private readonly callerHeaders: Record<string, string>,
    /** The OpenAPI document's answers, which every call is checked against. */
    readonly validator: AnswerValidator,
  ) {
    this.base = base.replace(/\/+$/, '');
  }

  /** Calls `route` and checks its answer's shape against the document. */
  async call(route: KitRoute, call: RouteCall = {}): Promise<BackendAnswer> {
    // The protocol's path, its parameters percent-encoded (a part "number" may be any text here).
    const path = KIT_ROUTES[route].path
      .replace(':uploadId', encodeURIComponent(call.uploadId ?? ''))
      .replace(':partNumber', encodeURIComponent(String(call.partNumber ?? '')));
    const query = new URLSearchParams(call.query).toString();
    const answer = await this.send(KIT_ROUTES[route].method, path + (query ? `?${query}` : ''), call);
    const log = this.shapes.get(route) ?? { checked: 0, succeeded: 0, problems: [] };
    this.shapes.set(route, log);
    log.checked++;
    if (answer.status === 200) log.succeeded++;
    const problems = this.validator.problems(route, answer.status, answer.body);
    if (problems.length > 0) log.problems.push(`HTTP ${answer.status}: ${problems.join('; ')}`);
    return answer;
  }

  /** Sends `method` to `path` below the base URL, with no shape check (paths that are no route). */
  async send(method: string, path: string, call: RouteCall = {}): Promise<BackendAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(call.headers ?? this.callerHeaders) };
    if (call.token !== undefined) headers[UPLOAD_TOKEN_HEADER] = call.token;
    if (call.deleteToken !== undefined) headers[DELETE_TOKEN_HEADER] = call.deleteToken;
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
    }
    const response = await fetch(this.base + path, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text };
  }
}
