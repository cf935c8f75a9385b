/** Everything outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), lone surrogates included. */
const illegalInXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Drops characters no XML 1.0 document may contain. The validator already
 * refuses them in content; this keeps every output well-formed whatever
 * reaches it (feeds, calendar, badges, API).
 */
export function stripIllegalXmlCharacters(text: string): string {
  return text.replace(illegalInXml, '');
}

/** A JSON.stringify replacer applying stripIllegalXmlCharacters to every string value. */
export function withoutIllegalCharacters(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? stripIllegalXmlCharacters(value) : value;
}
