/**
 * `adoptIssue { issueKey }` → AdoptIssueResult: a project admin makes an issue that claims an item
 * without the app having created it that item's issue (src/item-map/adopt.ts). The project and the
 * user come from the invocation context.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { AdoptIssueResult } from '../../common/contract';
import { adoptIssue } from '../item-map/adopt';
import { parsePayload, projectCaller } from '../platform/context';
import { jiraClientFor } from '../platform/jira';
import { logged } from '../platform/logged';

const adoptPayload = z.object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,9}$/, 'an issue key such as MSP-12') });

export function defineItemMapResolvers(resolver: Resolver): void {
  resolver.define(
    'adoptIssue',
    logged('adoptIssue', async ({ payload, context }): Promise<AdoptIssueResult> => {
      const { issueKey } = parsePayload(adoptPayload, payload, 'adoptIssue');
      return adoptIssue(jiraClientFor('resolver'), projectCaller(context), issueKey);
    }),
  );
}
