import { createHmac, timingSafeEqual } from 'node:crypto';
import S3Error from '@20minutes/s3rver/lib/models/error.js';

/** Form fields that no policy condition has to name (S3's list). */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file']);

/** What a valid policy allows the file to be. */
export interface PolicyLimits {
  /** Smallest and largest file accepted, from `content-length-range` (unbounded without one). */
  readonly minSize: number;
  readonly maxSize: number;
}

const denied = (message: string): S3Error => new S3Error('AccessDenied', message);

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const dateKey = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const regionKey = createHmac('sha256', dateKey).update(region).digest();
  const serviceKey = createHmac('sha256', regionKey).update(service).digest();
  return createHmac('sha256', serviceKey).update('aws4_request').digest();
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks an S3 POST policy form as S3 does (SigV4 only): the policy's signature with the
 * account's secret, its expiry, and every condition against the form's fields, each field but
 * the exempt ones being named by a condition.
 *
 * @param fields the form fields before the file, names lower-cased
 * @param secretFor the secret key of an access key id, or undefined when there is no such key
 * @throws S3Error `AccessDenied` (unsigned, expired, a field outside the policy), `SignatureDoesNotMatch`
 */
export function verifyPostPolicy(
  fields: ReadonlyMap<string, string>,
  bucket: string,
  secretFor: (accessKeyId: string) => string | undefined,
  now = Date.now(),
): PolicyLimits {
  const policy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  if (policy === undefined || signature === undefined) throw denied('Access Denied');
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    throw new S3Error('InvalidArgument', 'Only AWS4-HMAC-SHA256 form uploads are supported here.');
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminal] = (
    fields.get('x-amz-credential') ?? ''
  ).split('/');
  const secret = secretFor(accessKeyId);
  if (secret === undefined || terminal !== 'aws4_request') {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  const expected = createHmac('sha256', signingKey(secret, date, region, service))
    .update(policy)
    .digest('hex');
  if (!sameText(expected, signature)) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    throw new S3Error('InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  if (typeof document.expiration !== 'string' || !(Date.parse(document.expiration) > now)) {
    throw denied('Invalid according to Policy: Policy expired.');
  }
  if (!Array.isArray(document.conditions)) throw new S3Error('InvalidPolicyDocument', 'Invalid Policy: no conditions.');
  const valueOf = (name: string): string | undefined =>
    name === 'bucket' ? bucket : fields.get(name.replace(/^\$/, '').toLowerCase());
  const named = new Set<string>();
  let limits: PolicyLimits = { minSize: 0, maxSize: Number.MAX_SAFE_INTEGER };
  for (const condition of document.conditions as unknown[]) {
    const broken = (): S3Error =>
      denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
    if (Array.isArray(condition)) {
      const [operator, name, value] = condition as unknown[];
      if (operator === 'content-length-range' && typeof name === 'number' && typeof value === 'number') {
        limits = { minSize: name, maxSize: value };
        continue;
      }
      if (typeof name !== 'string' || typeof value !== 'string') throw broken();
      const field = name.replace(/^\$/, '').toLowerCase();
      named.add(field);
      const actual = valueOf(field) ?? '';
      if (operator === 'eq' ? actual !== value : operator === 'starts-with' ? !actual.startsWith(value) : true) {
        throw broken();
      }
    } else if (typeof condition === 'object' && condition !== null) {
      for (const [name, value] of Object.entries(condition)) {
        named.add(name.toLowerCase());
        if (valueOf(name.toLowerCase()) !== value) throw broken();
      }
    } else {
      throw broken();
    }
  }
  for (const name of fields.keys()) {
    if (!EXEMPT.has(name) && !name.startsWith('x-ignore-') && !named.has(name)) {
      throw denied(`Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  return limits;
}
