/** Projects and the issue types a project can create. */
import { route } from '@forge/api';
import { product, type Actor } from './actor';
import { ACCEPT_JSON, type JiraHttp } from './http';
import { createMetaPageSchema, projectSchema, type JiraIssueTypeMeta, type JiraProject } from './schemas';

/** Jira's maximum page size for create metadata. */
const CREATE_META_PAGE = 200;
/** Far more issue types than any project has; stops a paging bug from looping forever. */
const MAX_CREATE_META_PAGES = 20;

export async function getProject(http: JiraHttp, args: { projectKey: string; as?: Actor }): Promise<JiraProject> {
  const { body } = await http.json(
    'getProject',
    () => product(args.as).requestJira(route`/rest/api/3/project/${args.projectKey}`, { headers: ACCEPT_JSON }),
    projectSchema,
  );
  return body;
}

/** Every issue type the actor can create in the project, all pages. */
export async function getCreateMetaIssueTypes(http: JiraHttp, args: { projectKey: string; as?: Actor }): Promise<JiraIssueTypeMeta[]> {
  const types: JiraIssueTypeMeta[] = [];
  for (let page = 0; page < MAX_CREATE_META_PAGES; page++) {
    const startAt = page * CREATE_META_PAGE;
    const { body } = await http.json(
      'getCreateMetaIssueTypes',
      () =>
        product(args.as).requestJira(
          route`/rest/api/3/issue/createmeta/${args.projectKey}/issuetypes?startAt=${startAt}&maxResults=${CREATE_META_PAGE}`,
          { headers: ACCEPT_JSON },
        ),
      createMetaPageSchema,
    );
    const pageTypes = body.issueTypes ?? [];
    types.push(...pageTypes);
    const total = body.total ?? startAt + pageTypes.length;
    if (pageTypes.length === 0 || startAt + pageTypes.length >= total) break;
  }
  return types;
}
