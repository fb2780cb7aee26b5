/** The Audit page's catalogue: one file per language (messages.<lang>.ts). */
import { defineCatalogue, english } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const auditMessages = defineCatalogue({ en, de });

/** English, for the pure word functions' default. */
export const auditEnglish = () => english(auditMessages);
