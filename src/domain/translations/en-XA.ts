import { pseudoLocalizeTable } from '../pseudo-locale.ts';
import { english, type Translation } from '../strings.ts';

/**
 * `en-XA`, accented English: the English table pseudo-localized, for checking layouts, never for
 * readers. Generated, so a key added to English is here at once.
 */
export const pseudoEnglish: Translation = pseudoLocalizeTable<Translation>(english);
