/** The `audit-gadget` module's view: the gadget over the real bridge (loaded lazily, modules.ts). */
import { createBridgeGadgetHost } from './gadget-api';
import { Gadget } from './GadgetView';

const host = createBridgeGadgetHost();

export default function GadgetModule() {
  return <Gadget host={host} />;
}
