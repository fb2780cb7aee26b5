/**
 * What a resolver may trust: the invocation context Forge builds (who is calling, from which
 * project), never the payload. Payloads are parsed with zod and refused with a plain message.
 */
import { z } from 'zod';
import { BadRequestError } from '../../common/errors';

export { BadRequestError };

/** The caller and the project the UI module was opened in. */
export interface ProjectCaller {
  accountId: string;
  projectKey: string;
  projectId: string;
}

const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z
    .looseObject({
      project: z.looseObject({ key: z.string().min(1), id: z.union([z.string(), z.number()]) }).optional(),
    })
    .optional(),
});

/** Caller and project from the invocation context; refuses calls made outside a project. */
export function projectCaller(context: unknown): ProjectCaller {
  const parsed = contextSchema.safeParse(context);
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  const project = parsed.success ? parsed.data.extension?.project : undefined;
  if (!accountId) throw new BadRequestError('This action needs a signed-in Jira user; sign in and open the Audit page again.');
  if (!project) throw new BadRequestError('This action works inside a project: open the Audit page of the project you want to use.');
  return { accountId, projectKey: project.key, projectId: String(project.id) };
}

/** Parses a resolver payload; the error names every field that was wrong. */
/** The viewer of a module outside any project (a dashboard gadget): only who is asking. */
export interface UserCaller {
  accountId: string;
}

/** The signed-in user of the invocation; no project needed. */
export function userCaller(context: unknown): UserCaller {
  const parsed = z.looseObject({ accountId: z.string().min(1).optional() }).safeParse(context);
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  if (!accountId) throw new BadRequestError('This gadget needs a signed-in Jira user; sign in and open the dashboard again.');
  return { accountId };
}

export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown, resolver: string): T {
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
  throw new BadRequestError(`${resolver} was called with an invalid payload (${problems}).`);
}

/** Checklist ids as the checklist format allows them (declared with the API's schemas). */
export { checklistIdSchema } from '../../common/api/shared';
