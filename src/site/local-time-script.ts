/**
 * Progressive enhancement, inline and under 2 KB: rewrites every
 * `<time data-local>` into the reader's own zone and keeps the page zone's
 * text as a tooltip. Without JavaScript the page zone's text stays.
 */
export const localTimeScript =
  "(function(){var f=new Intl.DateTimeFormat(void 0,{day:'numeric',month:'short',year:'numeric',hour:'2-digit',minute:'2-digit',timeZoneName:'short'});" +
  "document.querySelectorAll('time[data-local]').forEach(function(t){var d=new Date(t.getAttribute('datetime'));if(isNaN(d))return;t.title=t.textContent;t.textContent=f.format(d)})})();";
