/** The real transport: @forge/bridge's `invoke` (kept apart so modules that take a fake never load the bridge). */
import { invoke } from '@forge/bridge';
import type { Invoke } from './invoke';

export const bridgeInvoke: Invoke = (key, payload) => invoke(key, payload) as never;
