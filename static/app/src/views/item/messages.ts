/** The item panel's catalogue: one file per language (messages.<lang>.ts). */
import { defineCatalogue } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const itemMessages = defineCatalogue({ en, de });
