/** The gadget's host over the real `@forge/bridge` (see gadget-config.ts). */
import { invoke, router, view } from '@forge/bridge';
import type { GadgetView } from '../../../../../common/contract-findings';
import { readConfig, type GadgetHost } from './gadget-config';

export function createBridgeGadgetHost(): GadgetHost {
  return {
    async context() {
      const context = (await view.getContext()) as { extension?: { gadgetConfiguration?: unknown; entryPoint?: unknown } };
      return { config: readConfig(context.extension?.gadgetConfiguration), editing: context.extension?.entryPoint === 'edit' };
    },
    getGadget: (payload) => invoke('getGadget', { ...payload }) as Promise<GadgetView>,
    async submit(config) {
      await view.submit({ ...config });
    },
    openAuditPage: (projectKey, moduleKey) => router.navigate({ target: 'module', moduleKey, projectKey }),
  };
}
