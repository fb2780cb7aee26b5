/** The Done gate's catalogue (status section on the Audit page, the validator's configuration pages): one file per language. */
import { defineCatalogue } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const gateMessages = defineCatalogue({ en, de });
