/** The evidence views' catalogue: one file per language (messages.<lang>.ts). */
import { defineCatalogue, english } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const evidenceMessages = defineCatalogue({ en, de });

/** English, for the pure word functions' default. */
export const evidenceEnglish = () => english(evidenceMessages);
