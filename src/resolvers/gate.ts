/**
 * The Done gate's resolvers on the Audit page (common/api/gate.ts): whether the gate is on for the
 * project's workflow (a project admin's confirmation) and the items Done without evidence. src/gate
 * checks permissions as the user.
 */
import type { gateApi } from '../../common/api/gate';
import { getGateStatus, setGateConfirmation } from '../gate/status';
import { jiraClientFor } from '../platform/jira';
import type { Handlers } from './define-all';

export const gateHandlers: Handlers<typeof gateApi> = {
  getGateStatus: ({ checklistId }, caller) => getGateStatus(jiraClientFor('resolver'), caller, checklistId !== undefined ? { checklistId } : {}),
  setGateConfirmation: ({ on, scope, naCounts, revision, checklistId }, caller) =>
    setGateConfirmation(jiraClientFor('resolver'), caller, {
      on,
      ...(scope !== undefined ? { scope } : {}),
      ...(naCounts !== undefined ? { naCounts } : {}),
      ...(revision !== undefined ? { revision } : {}),
      ...(checklistId !== undefined ? { checklistId } : {}),
    }),
};
