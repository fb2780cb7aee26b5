/** The shell's catalogue: one file per language (messages.<lang>.ts). */
import { defineCatalogue } from './i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const shellMessages = defineCatalogue({ en, de });
