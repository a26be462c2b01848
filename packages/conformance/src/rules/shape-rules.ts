import { ROUTES, type RouteName } from '@ferry/core/protocol';
import type { KitContext } from '../kit-context.js';
import { ensure } from '../rule-runner.js';

/**
 * One rule per route of the protocol: every answer it gave during the run (successes and
 * refusals) fits the OpenAPI document, and it answered 200 at least once. Run last, over what the
 * other rules' calls collected.
 */
export async function shapeRules(context: KitContext): Promise<void> {
  for (const route of Object.keys(ROUTES) as RouteName[]) {
    const log = context.backend.shapes.get(route);
    await context.runner.check(
      `shape/${route}`,
      `Every answer of ${route} fits the OpenAPI document (${log?.checked ?? 0} checked)`,
      async () => {
        ensure(log !== undefined && log.succeeded > 0, `${route} never answered 200 during the run`);
        ensure(log.problems.length === 0, log.problems.slice(0, 3).join(' | '));
      },
    );
  }
}
