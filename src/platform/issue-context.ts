/**
 * Who is calling and on which issue, from the invocation context Forge builds: the issue modules
 * (item panel, evidence field) are opened on one issue, and that issue is the only one their
 * resolvers act on. A payload can never name another issue.
 */
import { z } from 'zod';
import { BadRequestError } from './context';

export interface IssueCaller {
  accountId: string;
  issueKey: string;
  issueId: string;
  projectKey: string;
  projectId: string;
}

const ref = z.looseObject({ key: z.string().min(1), id: z.union([z.string(), z.number()]) });
const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z.looseObject({ issue: ref.optional(), project: ref.optional() }).optional(),
});

/** Caller, issue and project from the context; refuses calls made anywhere but on an issue. */
export function issueCaller(context: unknown): IssueCaller {
  const parsed = contextSchema.safeParse(context);
  const data = parsed.success ? parsed.data : undefined;
  if (!data?.accountId) throw new BadRequestError('This action needs a signed-in Jira user; sign in and open the issue again.');
  const issue = data.extension?.issue;
  const project = data.extension?.project;
  if (!issue || !project) {
    throw new BadRequestError('Evidence and assessments are changed on an issue: open the checklist item’s issue and use its Audit item panel or Audit evidence field.');
  }
  return { accountId: data.accountId, issueKey: issue.key, issueId: String(issue.id), projectKey: project.key, projectId: String(project.id) };
}
