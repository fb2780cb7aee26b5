/**
 * The host's dashboard (`/dashboard`): every `jira:dashboardGadget` of the manifest as one gadget,
 * in an iframe of its resource. Jira keeps a gadget's configuration (what its edit view saves with
 * `view.submit`) and hands it back as `context.extension.gadgetConfiguration`; here it is kept in
 * memory per gadget id until the host restarts. A gadget without a configuration opens its edit
 * view, as Jira does when a gadget is added; `?edit=<gadgetId>` opens it again.
 */
import type { ManifestUiModule } from '../forge/manifest';
import { esc, page, raw } from './html';
import { frameUrl, type PageEnv } from './pages';

export const DASHBOARD_ID = '10000';
const GADGET_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A configuration is small JSON (Jira stores it as a dashboard item property). */
const MAX_CONFIG_BYTES = 32_768;

export class GadgetConfigurations {
  private readonly configs = new Map<string, Record<string, unknown>>();

  get(gadgetId: string): Record<string, unknown> | undefined {
    const config = this.configs.get(gadgetId);
    return config === undefined ? undefined : structuredClone(config);
  }

  /** Stores what the edit view submitted; a message when it cannot be a configuration. */
  set(gadgetId: string, value: unknown): string | undefined {
    if (!GADGET_ID.test(gadgetId)) return `"${gadgetId}" is not a gadget id.`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'A gadget configuration is a JSON object.';
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_CONFIG_BYTES) return `A gadget configuration is at most ${MAX_CONFIG_BYTES} bytes of JSON.`;
    this.configs.set(gadgetId, structuredClone(value as Record<string, unknown>));
    return undefined;
  }

  clear(): void {
    this.configs.clear();
  }
}

/** One gadget per dashboard gadget module: its id is the module key. */
export function gadgetIdOf(module: ManifestUiModule): string {
  return `${module.key}-1`;
}

function editResource(module: ManifestUiModule): string | undefined {
  const edit = module.raw.edit;
  return typeof edit === 'object' && edit !== null && typeof (edit as { resource?: unknown }).resource === 'string' ? (edit as { resource: string }).resource : undefined;
}

export function dashboardPage(env: PageEnv, configs: GadgetConfigurations, editing: string | undefined): string {
  const gadgets = env.modules.filter((module) => module.type === 'jira:dashboardGadget' && module.resource);
  const cards = gadgets.map((module) => {
    const gadgetId = gadgetIdOf(module);
    const edit = editResource(module);
    const inEdit = edit !== undefined && (editing === gadgetId || configs.get(gadgetId) === undefined);
    const src = frameUrl({ module: module.key, resource: inEdit ? edit : (module.resource ?? ''), user: env.user, gadget: gadgetId, ...(inEdit ? { entry: 'edit' as const } : {}), autoResize: true });
    const title = module.title ?? module.key;
    const editLink = edit !== undefined && !inEdit ? ` <a class="gadget-edit" href="/dashboard?edit=${esc(encodeURIComponent(gadgetId))}">Edit</a>` : '';
    return `<section class="panel gadget" data-gadget="${esc(gadgetId)}" data-mode="${inEdit ? 'edit' : 'view'}"><h3>${esc(title)}${editLink}</h3>
<iframe class="forge" title="${esc(title)}" data-module="${esc(module.key)}" src="${esc(src)}"></iframe></section>`;
  });
  const body = `<h1>Dashboard</h1>${cards.join('\n') || '<p>The app has no dashboard gadget.</p>'}`;
  return page({ title: 'Dashboard', user: env.user, users: env.users, body: raw(body) });
}
