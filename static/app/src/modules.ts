/**
 * Module key (manifest.yml) → the view that renders it, each loaded on demand so one module's code
 * never weighs on another's first paint. Add a module here when manifest.yml gains one.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type ModuleView = LazyExoticComponent<ComponentType>;

const auditPage = lazy(() => import('./views/audit/AuditPage'));
const itemPanel = lazy(() => import('./views/item/ItemPanelView'));
const evidenceField = lazy(() => import('./views/evidence/EvidenceField'));

const gateConfig = lazy(() => import('./views/gate/GateConfigPage'));
const gadget = lazy(() => import('./views/gadget/GadgetModule'));

export const moduleViews: Readonly<Record<string, ModuleView>> = {
  'audit-page': auditPage,
  'audit-item-panel': itemPanel,
  'audit-evidence': evidenceField,
  'audit-done-gate': gateConfig,
  'audit-gadget': gadget,
};

/**
 * The fallback when the module key is not one of ours: the view for the module's type
 * (`context.extension.type`). Atlassian documents `moduleKey` as "the key for the module as
 * defined in the manifest.yml file" for every environment, but a development deployment whose key
 * differed must still open the right screen, not "This part of the app is missing". The manifest
 * has one module of each of these types, so the type names the view without doubt.
 */
export const viewsByExtensionType: Readonly<Record<string, ModuleView>> = {
  'jira:projectPage': auditPage,
  'jira:issuePanel': itemPanel,
  'jira:customField': evidenceField,
  'jira:workflowValidator': gateConfig,
  'jira:dashboardGadget': gadget,
};

/** The view for a module: by its key, else by its extension type; undefined when neither is known. */
export function viewFor(
  moduleKey: string,
  extensionType: string | undefined,
  views: Readonly<Record<string, ModuleView>> = moduleViews,
  byType: Readonly<Record<string, ModuleView>> = viewsByExtensionType,
): ModuleView | undefined {
  if (Object.hasOwn(views, moduleKey)) return views[moduleKey];
  if (extensionType !== undefined && Object.hasOwn(byType, extensionType)) return byType[extensionType];
  return undefined;
}
