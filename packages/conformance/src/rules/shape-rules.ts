import { OBJECT_ROUTES, ROUTES, type ObjectRouteName } from '@ferry/core/protocol';
import type { KitRoute } from '../backend-client.js';
import type { KitContext } from '../kit-context.js';
import { ensure, RuleNotApplicable } from '../rule-runner.js';
import { NO_DELETE_ROUTE } from './delete-rules.js';

/** Why an optional route's shape rule does not apply to a backend without it. */
const ABSENT: Record<ObjectRouteName, string> = { 'delete-object': NO_DELETE_ROUTE };

/**
 * One rule per route of the protocol: every answer it gave during the run (successes and
 * refusals) fits the OpenAPI document, and it answered 200 at least once. Run last, over what the
 * other rules' calls collected. The optional routes (`OBJECT_ROUTES`) are n/a where `offered` says
 * the backend does not have them.
 */
export async function shapeRules(context: KitContext, offered: Record<ObjectRouteName, boolean>): Promise<void> {
  const routes = [...Object.keys(ROUTES), ...Object.keys(OBJECT_ROUTES)] as KitRoute[];
  for (const route of routes) {
    const log = context.backend.shapes.get(route);
    await context.runner.check(
      `shape/${route}`,
      `Every answer of ${route} fits the OpenAPI document (${log?.checked ?? 0} checked)`,
      async () => {
        if (route in offered && !offered[route as ObjectRouteName]) {
          throw new RuleNotApplicable(ABSENT[route as ObjectRouteName]);
        }
        ensure(log !== undefined && log.succeeded > 0, `${route} never answered 200 during the run`);
        ensure(log.problems.length === 0, log.problems.slice(0, 3).join(' | '));
      },
    );
  }
}
