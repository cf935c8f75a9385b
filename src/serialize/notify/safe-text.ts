import { wellFormed } from '../../domain/text-safety.ts';
import { markdownToText } from '../plain-text.ts';

/** Author markdown as plain text: the one place notifications turn markdown into text. */
export function plainTextOf(markdown: string): string {
  return wellFormed(markdownToText(wellFormed(markdown)));
}

// The other text helpers live in src/domain/text-safety.ts; these re-exports keep older imports working.
export { defuseMentions, truncate, wellFormed } from '../../domain/text-safety.ts';
