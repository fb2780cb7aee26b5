/** The checklist upload's catalogue ("Bring your own checklist"): one file per language. */
import { defineCatalogue, english } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const uploadMessages = defineCatalogue({ en, de });

/** English, for the pure functions' default (upload-model.ts). */
export const uploadEnglish = () => english(uploadMessages);
