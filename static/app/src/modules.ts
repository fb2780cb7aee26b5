/**
 * Module key (manifest.yml) → the view that renders it, each loaded on demand so one module's code
 * never weighs on another's first paint. Add a module here when manifest.yml gains one.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type ModuleView = LazyExoticComponent<ComponentType>;

export const moduleViews: Readonly<Record<string, ModuleView>> = {
  'audit-page': lazy(() => import('./views/audit/AuditPage')),
  'audit-item-panel': lazy(() => import('./views/item/ItemPanelView')),
  'audit-evidence': lazy(() => import('./views/evidence/EvidenceField')),
  'audit-done-gate': lazy(() => import('./views/gate/GateConfigPage')),
  'audit-gadget': lazy(() => import('./views/gadget/GadgetModule')),
};
