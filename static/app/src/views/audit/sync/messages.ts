/**
 * What a checklist version brings, before anything is written: the import's preview and version
 * sync's plan. Its own catalogue (one file per language) so the Audit catalogue stays small.
 */
import { defineCatalogue, english } from '../../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const versionMessages = defineCatalogue({ en, de });

/** English, for the pure word functions' default. */
export const versionEnglish = () => english(versionMessages);
