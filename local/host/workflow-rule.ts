/**
 * Jira's workflow editor, as far as an app's workflow rule needs it (issue 23): the configuration
 * page of a `jira:workflowValidator` with Custom UI `create` / `edit` / `view` entries, in an iframe,
 * under Jira's own Add / Update button.
 *
 * `GET /workflow-rule/config?module=<key>&mode=create|edit|view&transition=31` shows the page. The
 * app's frame registers its `workflowRules.onConfigure` callback through the bridge
 * (`setWorkflowRuleConfigurationCallback`); Add / Update calls it, and a configuration (JSON text)
 * is `POST`ed to `/workflow-rule/config`, which puts the validator with that configuration on the
 * transition in the Jira emulator (replacing the module's earlier one there). A callback that answers
 * `undefined` saves nothing, as in Jira. The saved configuration is what the validator function gets
 * on a transition and what the pages get back as `extension.validatorConfig`.
 *
 * As in Jira, only a Jira administrator changes workflows: the acting user needs the global
 * Administer Jira permission (seeded `admin`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ManifestUiModule } from '../forge/manifest';
import type { JiraEmulatorApi } from '../jira/types';
import { STATUSES } from '../jira/state/catalog';
import { esc, page, raw } from './html';
import { frameUrl, type PageEnv } from './pages';
import type { JiraReader } from './jira-data';
import { isObj } from './jira-data';

/** Jira's new workflow editor saves at most 32 KB of a rule's configuration. */
export const MAX_RULE_CONFIG_BYTES = 32 * 1024;
const MODES = ['create', 'edit', 'view'] as const;
type Mode = (typeof MODES)[number];

function entryResource(module: ManifestUiModule, mode: Mode): string | undefined {
  const entry = module.raw[mode];
  return isObj(entry) && typeof entry.resource === 'string' ? entry.resource : undefined;
}

/** The configuration the module's validator holds on the transition, or undefined when it is not there. */
export function ruleConfiguration(emulator: JiraEmulatorApi, moduleKey: string, transitionId: string): unknown {
  const spec = emulator.workflowValidators().find((s) => s.moduleKey === moduleKey && s.transitionId === transitionId);
  if (!spec) return undefined;
  return spec.configuration ?? null;
}

export interface RuleRouteDeps {
  emulator: JiraEmulatorApi;
  env: (user: string) => PageEnv;
  reader: (user: string) => JiraReader;
  actingUser: (req: FastifyRequest, reply?: FastifyReply) => string;
}

export function registerWorkflowRuleRoutes(app: FastifyInstance, d: RuleRouteDeps): void {
  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const rules = (env: PageEnv) => env.modules.filter((m) => m.type === 'jira:workflowValidator' && MODES.some((mode) => entryResource(m, mode)));

  app.get('/workflow-rule/config', async (req, reply) => {
    const user = d.actingUser(req, reply);
    const env = d.env(user);
    const q = req.query as { module?: string; mode?: string; transition?: string };
    const module = rules(env).find((m) => m.key === (q.module ?? m.key));
    const transition = STATUSES.find((s) => s.transitionId === (q.transition ?? '31'));
    if (!module || !transition) {
      const body = `<h1>Workflow rule</h1><p class="error">${!module ? `No jira:workflowValidator "${esc(q.module)}" with configuration pages in manifest.yml.` : `No transition ${esc(q.transition)}: the workflow has ${STATUSES.map((s) => `${s.transitionId} (to ${s.name})`).join(', ')}.`}</p>`;
      return html(reply, page({ title: 'Workflow rule', user, users: env.users, body: raw(body) }), 404);
    }
    const saved = ruleConfiguration(d.emulator, module.key, transition.transitionId);
    const mode: Mode = (MODES as readonly string[]).includes(q.mode ?? '') ? (q.mode as Mode) : saved === undefined ? 'create' : 'edit';
    const resource = entryResource(module, mode);
    const name = String(module.raw.name ?? module.key);
    const link = (m: Mode) => `/workflow-rule/config?${new URLSearchParams({ module: module.key, mode: m, transition: transition.transitionId }).toString()}`;
    const tabs = MODES.map((m) => (m === mode ? `<strong>${m}</strong>` : `<a href="${esc(link(m))}">${m}</a>`)).join(' · ');
    const frame = resource
      ? `<iframe class="forge rule-frame" title="${esc(name)} (${mode})" data-module="${esc(module.key)}" src="${esc(frameUrl({ module: module.key, resource, user, entry: mode, transition: transition.transitionId }))}" style="min-height:420px"></iframe>`
      : `<p class="error">The module has no ${mode} page.</p>`;
    const state =
      saved === undefined
        ? '<p class="rule-state">Not on this transition yet.</p>'
        : `<p class="rule-state">On this transition. Saved configuration: <code class="rule-config">${esc(saved === null ? '(none)' : JSON.stringify(saved))}</code></p>`;
    const save =
      mode === 'view'
        ? ''
        : `<p><button type="button" class="rule-save" data-rule-save data-module="${esc(module.key)}" data-transition="${esc(transition.transitionId)}" data-view="${esc(link('view'))}">${mode === 'create' ? 'Add' : 'Update'}</button> <span class="rule-result error" role="alert" hidden></span></p>`;
    const body = `<h1>${esc(name)}</h1>
<p>Workflow editor (local): the rule on the transition to <strong>${esc(transition.name)}</strong> (${esc(transition.transitionId)}) of the workflow every project uses. Page: ${tabs}</p>
${state}
<div class="rule-dialog" style="border:1px solid #dcdfe4;border-radius:3px;max-width:720px">${frame}</div>
${save}`;
    return html(reply, page({ title: `${name} (${mode})`, user, users: env.users, body: raw(body) }));
  });

  app.post('/workflow-rule/config', async (req, reply) => {
    const user = d.actingUser(req);
    const body = isObj(req.body) ? req.body : {};
    const module = rules(d.env(user)).find((m) => m.key === body.module);
    const transition = STATUSES.find((s) => s.transitionId === String(body.transitionId ?? ''));
    if (!module || !transition) return reply.code(400).send({ error: 'Send {"module": "<jira:workflowValidator key>", "transitionId": "31", "configuration": "<JSON text>"}.' });
    const grants = await d.reader(user).call('GET', '/rest/api/3/mypermissions', { permissions: 'ADMINISTER' });
    const admin = isObj(grants.body) && isObj(grants.body.permissions) && isObj(grants.body.permissions.ADMINISTER) && grants.body.permissions.ADMINISTER.havePermission === true;
    if (!admin) return reply.code(403).send({ error: `${user} is not a Jira administrator: only a Jira admin changes workflows.` });
    if (typeof body.configuration !== 'string') return reply.code(400).send({ error: 'The configuration page answered no configuration text: nothing was saved.' });
    if (Buffer.byteLength(body.configuration) > MAX_RULE_CONFIG_BYTES) return reply.code(400).send({ error: `The configuration is over ${MAX_RULE_CONFIG_BYTES} bytes, Jira's limit: nothing was saved.` });
    let configuration: unknown;
    try {
      configuration = JSON.parse(body.configuration);
    } catch {
      return reply.code(400).send({ error: 'The configuration page answered text that is not JSON: nothing was saved.' });
    }
    d.emulator.putWorkflowValidator({ transitionId: transition.transitionId, moduleKey: module.key, configuration });
    return reply.code(204).send();
  });
}
