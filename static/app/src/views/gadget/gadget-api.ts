/** The gadget's host over the real `@forge/bridge` (see gadget-config.ts). */
import { router, view } from '@forge/bridge';
import { bridgeInvoke } from '../../api/bridge-invoke';
import { typedInvoke } from '../../api/invoke';
import { readConfig, type GadgetHost } from './gadget-config';

export function createBridgeGadgetHost(): GadgetHost {
  const call = typedInvoke(bridgeInvoke);
  return {
    async context() {
      const context = (await view.getContext()) as { extension?: { gadgetConfiguration?: unknown; entryPoint?: unknown } };
      return { config: readConfig(context.extension?.gadgetConfiguration), editing: context.extension?.entryPoint === 'edit' };
    },
    getGadget: (payload) => call('getGadget', { ...payload }),
    async submit(config) {
      await view.submit({ ...config });
    },
    openAuditPage: (projectKey, moduleKey) => router.navigate({ target: 'module', moduleKey, projectKey }),
  };
}
