import { WIRE_ERROR_STATUS, type WireErrorCode } from '@ferry/core/protocol';
import type { BackendAnswer } from './backend-client.js';

/** How a rule came out: it held, it did not, or it checks an optional feature the backend does not have. */
export const RuleOutcome = Object.freeze({
  Pass: 'pass',
  Fail: 'fail',
  NotApplicable: 'n/a',
} as const);

/** One of the values of {@link RuleOutcome}. */
export type RuleOutcome = (typeof RuleOutcome)[keyof typeof RuleOutcome];

/** The outcome of one rule. */
export interface RuleResult {
  /** Stable id, e.g. `single-put/bigger-body`. */
  readonly id: string;
  /** What the rule checks, in one line. */
  readonly title: string;
  /** `n/a` for a rule of an optional feature (deletes, stored metadata) the backend does not have: not a failure. */
  readonly outcome: RuleOutcome;
  /** Why it failed, or why it does not apply (`no delete route`); absent when it passed. */
  readonly reason?: string;
}

/** A rule's check did not hold; the message is the table's reason. */
export class RuleFailure extends Error {
  override readonly name = 'RuleFailure';
}

/** The rule checks an optional feature the backend does not have; the message says which (`no delete route`). */
export class RuleNotApplicable extends Error {
  override readonly name = 'RuleNotApplicable';
}

/** Fails the rule with `reason` unless `condition` holds. */
export function ensure(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new RuleFailure(reason);
}

/** An answer in a few words, for reasons: `HTTP 200 {"parts":[…` */
export function describeAnswer(answer: BackendAnswer): string {
  const text = answer.text.length > 160 ? `${answer.text.slice(0, 160)}…` : answer.text;
  return `HTTP ${answer.status} ${text}`.trim();
}

/** Fails unless `answer` is a refusal with `code` and that code's status (`what` names the request). */
export function ensureRefused(answer: BackendAnswer, code: WireErrorCode, what: string): void {
  const status = WIRE_ERROR_STATUS[code];
  const given = (answer.body ?? {}) as { code?: unknown };
  ensure(
    answer.status === status && given.code === code,
    `${what}: expected HTTP ${status} ${code}, got ${describeAnswer(answer)}`,
  );
}

/** Fails unless `answer` is a 200 (`what` names the request); its JSON body. */
export function ensureOk(answer: BackendAnswer, what: string): unknown {
  ensure(answer.status === 200, `${what}: expected HTTP 200, got ${describeAnswer(answer)}`);
  return answer.body;
}

/** Runs rules one after the other and keeps their results, in order. */
export class RuleRunner {
  readonly results: RuleResult[] = [];

  /**
   * Runs one rule: it passes when `body` returns, does not apply when it throws a
   * {@link RuleNotApplicable}, and fails with the reason anything else throws.
   */
  async check(id: string, title: string, body: () => Promise<void>): Promise<boolean> {
    try {
      await body();
      this.results.push({ id, title, outcome: RuleOutcome.Pass });
      return true;
    } catch (error) {
      if (error instanceof RuleNotApplicable) {
        this.notApplicable(id, title, error.message);
        return false;
      }
      const reason = error instanceof RuleFailure ? error.message : `the check could not run: ${String(error)}`;
      this.results.push({ id, title, outcome: RuleOutcome.Fail, reason });
      return false;
    }
  }

  /** Records a rule of an optional feature the backend does not have, with why (`no delete route`). */
  notApplicable(id: string, title: string, reason: string): void {
    this.results.push({ id, title, outcome: RuleOutcome.NotApplicable, reason });
  }
}
