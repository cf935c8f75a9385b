import { wellFormed } from '../../domain/text-safety.ts';
import { markdownToText } from '../plain-text.ts';

/** Author markdown as plain text: the one place notifications turn markdown into text. */
export function plainTextOf(markdown: string): string {
  return wellFormed(markdownToText(wellFormed(markdown)));
}
