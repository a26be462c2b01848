import { ServerError } from './errors.js';
import { utf8Length } from './web-crypto.js';

/**
 * Reads a JSON body of at most `limit` bytes.
 * @throws ServerError `too-large` past the limit, `bad-request` when it is not a JSON object.
 */
export async function readJsonBody(request: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new ServerError('too-large', `The request body is over ${limit} bytes.`);
  const text = await request.text();
  if (utf8Length(text) > limit) throw new ServerError('too-large', `The request body is over ${limit} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServerError('bad-request', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServerError('bad-request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Longest file name accepted (relative paths of dropped folders included); keys keep at most 200 bytes of it. */
export const MAX_FILENAME = 4096;

const invalid = (name: string, expected: string): ServerError =>
  new ServerError('bad-request', `${name} must be ${expected}.`);

/** A string of 1 to `max` characters. */
export function requireString(value: unknown, name: string, max = 1024): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw invalid(name, `a string of 1 to ${max} characters`);
  }
  return value;
}

/** A whole number in `[min, max]`; numeric strings (query parameters) are accepted. */
export function requireInteger(value: unknown, name: string, min: number, max: number): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min || number > max) {
    throw invalid(name, `a whole number from ${min} to ${max}`);
  }
  return number;
}

/** A MIME type like `image/png`; empty or absent means `application/octet-stream`. */
export function requireContentType(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'application/octet-stream';
  if (
    typeof value !== 'string' ||
    value.length > 255 ||
    !/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/.test(value)
  ) {
    throw invalid('type', 'a MIME type such as image/png');
  }
  return value;
}

/** An object of string values (metadata); absent means empty. */
export function requireStringRecord(value: unknown, name: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw invalid(name, 'an object of strings');
  }
  return value as Record<string, string>;
}
