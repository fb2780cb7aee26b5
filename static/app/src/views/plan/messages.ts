/** The road to audit day's catalogue: one file per language (messages.<lang>.ts). */
import { defineCatalogue, english } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const planMessages = defineCatalogue({ en, de });

/** English, for the pure word functions' default. */
export const planEnglish = () => english(planMessages);
