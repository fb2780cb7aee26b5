/**
 * The app's resolver API, declared once in common/api: each function's payload is parsed with its
 * schema, the project or issue and the user come from the invocation context (src/resolvers/define-all.ts),
 * and the handler delegates to its use case.
 */
import type Resolver from '@forge/resolver';
import { resolverApi } from '../../common/api';
import { auditDayHandlers } from './audit-day';
import { catalogueHandlers } from './catalogue';
import { customChecklistHandlers } from './custom-checklists';
import { defineAll } from './define-all';
import { evidenceHandlers } from './evidence';
import { OwnKeysResolver } from './own-keys';
import { planHandlers } from './plan';
import { trailHandlers } from './trail';
import { gateHandlers } from './gate';
import { findingsHandlers } from './findings';
import { crosswalkHandlers } from './crosswalk';

export function buildResolver(): Resolver {
  const definitions = new OwnKeysResolver();
  defineAll(definitions, resolverApi, {
    ...catalogueHandlers,
    ...customChecklistHandlers,
    ...evidenceHandlers,
    ...auditDayHandlers,
    ...trailHandlers,
    ...planHandlers,
    ...gateHandlers,
    ...findingsHandlers,
    ...crosswalkHandlers,
  });
  return definitions;
}
