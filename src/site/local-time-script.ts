/**
 * Progressive enhancement, inline and under 2 KB: rewrites every
 * `<time data-local>` into the reader's own zone, in the page's locale so the
 * page keeps one language, and keeps the page zone's text as a tooltip.
 * Without JavaScript the page zone's text stays.
 */
export function localTimeScript(locale: string): string {
  return (
    `(function(){var f=new Intl.DateTimeFormat(${JSON.stringify(locale).replace(/</g, '\\u003c')},{day:'numeric',month:'short',year:'numeric',hour:'2-digit',minute:'2-digit',timeZoneName:'short'});` +
    "document.querySelectorAll('time[data-local]').forEach(function(t){var d=new Date(t.getAttribute('datetime'));if(isNaN(d))return;t.title=t.textContent;t.textContent=f.format(d)})})();"
  );
}
