/** The checklist upload's catalogue ("Bring your own checklist"): one file per language. */
import { defineCatalogue } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const uploadMessages = defineCatalogue({ en, de });
