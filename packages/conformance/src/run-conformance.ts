import { STORE_PROFILES } from '@ferry/core/protocol';
import { AnswerValidator } from './answer-validator.js';
import { BackendClient } from './backend-client.js';
import type { KitContext } from './kit-context.js';
import type { KitOptions } from './kit-options.js';
import { abortRules } from './rules/abort-rules.js';
import { badInputRules } from './rules/bad-input-rules.js';
import { bindingRules } from './rules/binding-rules.js';
import { deleteRules } from './rules/delete-rules.js';
import { metadataRules } from './rules/metadata-rules.js';
import { multipartRules } from './rules/multipart-rules.js';
import { shapeRules } from './rules/shape-rules.js';
import { singlePutRules } from './rules/single-put-rules.js';
import { RuleRunner, type RuleResult } from './rule-runner.js';
import { StoreReader } from './store-reader.js';

/**
 * Checks a backend against Ferry's protocol, end to end through its store, and returns one
 * result per rule, in the order they ran. A rule that cannot run (the backend is down) fails
 * with the reason; this function itself only rejects on a bug.
 *
 * @example
 * ```ts
 * const results = await runConformance(parseKitArgs(process.argv.slice(2)) as KitOptions);
 * console.log(formatReport(results));
 * ```
 */
export async function runConformance(options: KitOptions): Promise<RuleResult[]> {
  const store = new StoreReader(options.store);
  const context: KitContext = {
    options,
    profile: STORE_PROFILES[options.profile],
    backend: new BackendClient(options.backend, { ...options.headers }, new AnswerValidator()),
    store,
    runner: new RuleRunner(),
  };
  try {
    await singlePutRules(context);
    await multipartRules(context);
    await bindingRules(context);
    await badInputRules(context);
    await abortRules(context);
    await metadataRules(context);
    const hasDeleteRoute = await deleteRules(context);
    await shapeRules(context, { 'delete-object': hasDeleteRoute });
  } finally {
    store.close();
  }
  return context.runner.results;
}
