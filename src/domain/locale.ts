/**
 * Why a page locale cannot be used, with the fix; undefined when it can.
 * The build formats dates with Intl, which throws on a malformed tag
 * (`en_GB`) and silently falls back to en-US for one it lacks; both are
 * caught here so a file that passes validation always builds as written.
 */
export function localeProblem(tag: string, key = 'locale'): { message: string; hint: string } | undefined {
  const example = 'a BCP 47 tag such as "en-GB", "de" or "pt-BR"';
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    const fixed = suggestLocale(tag);
    return {
      message: `"${tag}" is not a BCP 47 language tag.`,
      hint: fixed ? `Write "${key}: ${fixed}" (hyphens, not underscores).` : `Use ${example}.`,
    };
  }
  if (canonical === undefined) return { message: `The ${key} is empty.`, hint: `Use ${example}.` };
  if (canonical !== tag) {
    return { message: `"${tag}" is not written the canonical way.`, hint: `Write "${key}: ${canonical}".` };
  }
  const supported =
    Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0 &&
    Intl.RelativeTimeFormat.supportedLocalesOf(tag).length > 0;
  if (!supported) {
    return {
      message: `"${tag}" is a well-formed tag, but there are no date formats for it, so dates would fall back to US English.`,
      hint: `Use ${example}.`,
    };
  }
  return undefined;
}

function suggestLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}
