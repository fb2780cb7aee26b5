/** Every catalogue the app ships (one per view, and the shell's): the key check walks them all. */
import type { Catalogue } from '../../static/app/src/i18n';
import { shellMessages } from '../../static/app/src/messages';
import { auditMessages } from '../../static/app/src/views/audit/messages';
import { crosswalkMessages } from '../../static/app/src/views/crosswalk/messages';
import { versionMessages } from '../../static/app/src/views/audit/sync/messages';
import { auditDayMessages } from '../../static/app/src/views/audit-day/messages';
import { evidenceMessages } from '../../static/app/src/views/evidence/messages';
import { gadgetMessages } from '../../static/app/src/views/gadget/messages';
import { gateMessages } from '../../static/app/src/views/gate/messages';
import { uploadMessages } from '../../static/app/src/views/upload/messages';
import { itemMessages } from '../../static/app/src/views/item/messages';
import { planMessages } from '../../static/app/src/views/plan/messages';
import { trailMessages } from '../../static/app/src/views/trail/messages';

export const CATALOGUES: Record<string, Catalogue<object>> = {
  shell: shellMessages,
  audit: auditMessages,
  'audit-day': auditDayMessages,
  trail: trailMessages,
  evidence: evidenceMessages,
  item: itemMessages,
  gadget: gadgetMessages,
  plan: planMessages,
  gate: gateMessages,
  upload: uploadMessages,
  crosswalk: crosswalkMessages,
  version: versionMessages,
};
