/** The crosswalk's catalogue (upload, the item panel's mappings, linking by hand): one file per language. */
import { defineCatalogue } from '../../i18n';
import { de } from './messages.de';
import { en } from './messages.en';

export const crosswalkMessages = defineCatalogue({ en, de });
