/**
 * Who a Jira call acts as. `user` is the person who invoked the resolver (Jira enforces their
 * permissions); `app` is the app itself, used only after the app checked the user's permission or
 * for work no user is waiting on (queue consumers, triggers).
 */
import api from '@forge/api';

export type Actor = 'app' | 'user';

/** The @forge/api requester for an actor; call `.requestJira(route\`...\`)` on it directly. */
export function product(as: Actor = 'app'): ReturnType<typeof api.asApp> {
  return as === 'user' ? api.asUser() : api.asApp();
}
