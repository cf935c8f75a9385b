import type { UpdateStatus } from '../domain/vocabulary.ts';

export interface FreshnessOptions {
  /** When the page was built, ISO 8601. */
  builtAt: string;
  /** When the next rebuild is due, ISO 8601 (next-rebuild.json's `due`). */
  dueAt: string;
  /**
   * The sample only: "now" is the build clock when the page opens, running on from there, so the
   * demo looks as it did at its clock whenever it is opened. Default: the reader's clock.
   */
  sampleClock?: boolean;
  /** How late that rebuild may be, in milliseconds, before the notice shows (`page.stale_after`). */
  staleAfter: number;
  locale: string;
  /** The notice with `{ago}` where the relative age goes. */
  notice: string;
  /** The words the build uses for a maintenance before, during and after its window. */
  labels: Pick<Record<UpdateStatus, string>, 'scheduled' | 'in_progress' | 'completed'>;
}

/**
 * Progressive enhancement, inline and under 1.5 KB, re-run every minute:
 * once the next rebuild (`dueAt`) is `staleAfter` late, it puts "This page was
 * last refreshed 3 hours ago" at the
 * top of `<main>`; it rewrites `[data-ago]` relative times with the build's
 * rounding (see `ago` in format.ts); and a maintenance label carrying its
 * window (`data-window-start`/`-end`, set only while no update overrides the
 * window) moves to the word the next build would print; once the window has
 * ended, its card's impact word (`data-window-impact`) is hidden as the build
 * hides it, a card in an active/upcoming list (`data-window-leaves`) is hidden,
 * and a `data-window-section` left with no card shows its `data-window-empty`
 * line or, having none, is hidden itself. Without JavaScript
 * the page is exactly as built. On the sample (`sampleClock`) the clock starts at the build's.
 */
export function freshnessScript(options: FreshnessOptions): string {
  // JSON inside <script>: `<` escaped so no value can close the element.
  const data = JSON.stringify(options).replace(/</g, '\\u003c');
  return (
    '(function(c){var r=new Intl.RelativeTimeFormat(c.locale,{numeric:"auto"}),u=[["day",864e5],["hour",36e5],["minute",6e4]],b=Date.parse(c.builtAt),d=Date.parse(c.dueAt),o=c.sampleClock?b-Date.now():0,n;' +
    'function ago(t){var e=t-Date.now()-o;for(var i=0;i<u.length;i++)if(Math.abs(e)>=u[i][1]||i==2)return r.format(Math.round(e/u[i][1]),u[i][0])}' +
    'function a(e,k){return Date.parse(e.getAttribute(k))}' +
    'function tick(){var now=Date.now()+o;' +
    'document.querySelectorAll("[data-ago]").forEach(function(e){e.textContent=ago(a(e,"data-ago"))});' +
    'document.querySelectorAll("[data-window-start]").forEach(function(e){var s=now<a(e,"data-window-start")?"scheduled":now<a(e,"data-window-end")?"in_progress":"completed",k=e.closest("article,li"),i=k&&k.querySelector("[data-window-impact]");e.textContent=c.labels[s];if(i)i.hidden=s=="completed";if(k&&k.hasAttribute("data-window-leaves"))k.hidden=s=="completed"});' +
    'document.querySelectorAll("[data-window-section]").forEach(function(e){var l=e.querySelectorAll("[data-window-leaves]"),h=l.length>0&&[].every.call(l,function(x){return x.hidden}),m=e.querySelector("[data-window-empty]");if(m)m.hidden=!h;else e.hidden=h});' +
    'if(now-d>c.staleAfter){if(!n){n=document.createElement("p");n.className="stale-notice";n.setAttribute("role","status");var m=document.querySelector("main");m.insertBefore(n,m.firstChild)}n.textContent=c.notice.replace("{ago}",ago(b))}}' +
    `tick();setInterval(tick,6e4)})(${data});`
  );
}
