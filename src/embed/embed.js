// Statusmark's embeddable notice (issue 27), served as embed.js: one <script async> on the operator's own
// app or site shows open incidents and maintenance from the status page's embed.json, and nothing otherwise.
// Options are data- attributes on the script tag: data-position, data-components, data-lang (see README).
// No dependencies, no globals but the <statusmark-notice> element, no cookies; text only, links only to
// the status page's own origin.
(() => {
  const tagName = 'statusmark-notice';
  const script = document.currentScript;
  // A second copy of the script, or one loaded as a module, leaves the first to do the work.
  if (!(script instanceof HTMLScriptElement) || customElements.get(tagName)) return;
  const minute = 60_000;
  // Each language's folder below the page's base path, the first at the root; the build fills it in.
  const folders = /* languages */ { en: '' };
  const option = (name) => (script.dataset[name] || '').trim();
  const tags = Object.keys(folders);
  const wanted = option('lang').toLowerCase();
  const lang =
    tags.find((tag) => tag.toLowerCase() === wanted) ||
    tags.find((tag) => tag.toLowerCase() === wanted.split('-')[0]) ||
    tags[0];
  const source = new URL(`${folders[lang]}embed.json`, script.src);
  const only = option('components')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const position = ['bottom-left', 'bottom-right', 'top'].includes(option('position'))
    ? option('position')
    : 'bottom-right';
  const storageKey = `statusmark-dismissed ${source.href}`;
  let data;
  let host;
  let timer;
  let loadedAt = 0;
  let warned = false;
  // Dismissals when the host page's storage is blocked: until the page reloads.
  let remembered = [];

  /** A string field of untrusted data, or ''. */
  const text = (object, key) =>
    object && typeof object === 'object' && Object.hasOwn(object, key) && typeof object[key] === 'string'
      ? object[key]
      : '';
  /** A link into the status page: anything else (another origin, `javascript:`) becomes its home page. */
  const link = (path) => {
    try {
      const url = new URL(path, source);
      if (url.origin === source.origin && /^https?:$/.test(url.protocol)) return url.href;
    } catch {
      // Not a URL at all: the home page below.
    }
    return new URL('./', source).href;
  };
  const element = (name, properties, ...children) => {
    const node = Object.assign(document.createElement(name), properties);
    node.append(...children.filter(Boolean));
    return node;
  };
  const dismissed = () => {
    try {
      const list = JSON.parse(localStorage.getItem(storageKey) || '[]');
      return Array.isArray(list) ? list.concat(remembered) : remembered;
    } catch {
      return remembered;
    }
  };
  /** An Intl formatter in the page's locale, or the reader's when that one is unusable. */
  const intl = (Format, options) => {
    try {
      return new Format(text(data, 'locale') || undefined, options);
    } catch {
      return new Format(undefined, options);
    }
  };

  /** What to show of one item now, or nothing: a maintenance shows from an hour before its window to its end. */
  const current = (item, now) => {
    const title = text(item, 'title');
    const components = item && Array.isArray(item.components) ? item.components : [];
    if (!title || (only.length && !only.some((id) => components.includes(id)))) return undefined;
    const window = item.window;
    const start = Date.parse(text(window, 'start'));
    const end = Date.parse(text(window, 'end'));
    let status = text(item, 'status');
    if (!status && !(now < end && now >= start - 60 * minute)) return undefined;
    status ||= now < start ? 'scheduled' : 'in_progress';
    return { ...item, title, status, start, end, key: `${text(item, 'id')} ${status}` };
  };

  const time = (item) => {
    const format = intl(Intl.DateTimeFormat, { dateStyle: 'medium', timeStyle: 'short' });
    const at = Date.parse(text(item, 'at'));
    if (item.start < item.end) return format.formatRange(item.start, item.end);
    return Number.isNaN(at) ? '' : format.format(at);
  };

  const render = () => {
    if (!host) return;
    const now = Date.now();
    const items = data && Array.isArray(data.items) ? data.items.map((item) => current(item, now)).filter(Boolean) : [];
    const hidden = dismissed();
    const shown = items.filter((item) => !hidden.includes(item.key));
    const region = host.shadowRoot.querySelector('[role=status]');
    if (!shown.length) return region.replaceChildren();
    const strings = data.strings;
    const first = shown[0];
    const count = shown.length - 1 + (only.length ? 0 : Math.max(0, Number(data.more) || 0));
    let more = '';
    if (count) {
      const forms = strings && strings.more;
      const form = text(forms, intl(Intl.PluralRules).select(count)) || text(forms, 'other');
      more = form.replace('{count}', intl(Intl.NumberFormat).format(count));
    }
    const dismiss = element('button', { type: 'button', className: 'x', textContent: '×' });
    dismiss.setAttribute('aria-label', text(strings, 'dismiss') || 'Dismiss');
    dismiss.addEventListener('click', () => {
      remembered = items.map((item) => item.key);
      try {
        localStorage.setItem(storageKey, JSON.stringify(remembered));
      } catch {
        // Storage blocked: `remembered` keeps it dismissed until the page reloads.
      }
      render();
    });
    const when = time(first);
    region.dir = data.dir === 'rtl' ? 'rtl' : 'ltr';
    region.lang = /^[A-Za-z0-9-]{1,35}$/.test(text(data, 'lang')) ? data.lang : '';
    region.replaceChildren(
      element(
        'div',
        { className: `box ${first.kind === 'maintenance' ? 'maintenance' : 'incident'}` },
        element(
          'p',
          { className: 'title' },
          element('a', { href: link(text(first, 'url')), textContent: first.title }),
        ),
        element(
          'p',
          { className: 'meta' },
          element('strong', { textContent: text(strings && strings.status, first.status) || first.status }),
          when && ' · ',
          when && element('time', { textContent: when }),
        ),
        text(first, 'text') && element('p', { textContent: first.text }),
        more && element('p', {}, element('a', { href: link(text(data, 'home')), textContent: more })),
        dismiss,
      ),
    );
  };

  const schedule = (delay) => {
    clearTimeout(timer);
    if (document.visibilityState === 'visible') timer = setTimeout(load, Math.max(0, delay));
  };

  /** One request, revalidated (`no-cache`): a static host's max-age would otherwise hide a new incident for minutes. */
  const load = async () => {
    loadedAt = Date.now();
    try {
      const response = await fetch(source, {
        cache: 'no-cache',
        credentials: 'omit',
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      data = await response.json();
      if (!data || typeof data !== 'object') throw new Error('not an object');
    } catch (error) {
      data = undefined;
      if (!warned) console.warn(`Statusmark notice: ${source.href} could not be read (${error.message}).`);
      warned = true;
    }
    render();
    schedule(minute);
  };

  const styles = `:host{all:initial!important;display:block!important}
:host([position]){position:fixed!important;z-index:2147483647!important;inset:auto 1em 1em auto!important}
:host([position=bottom-left]){inset:auto auto 1em 1em!important}
:host([position=top]){inset:1em 1em auto!important}
[role=status]{display:block;font:normal 400 0.9375em/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24}
.box{position:relative;box-sizing:border-box;max-width:min(26em,calc(100vw - 2em));max-height:calc(100vh - 2em);overflow:auto;margin:auto;padding:.75em 2.75em .75em 1em;background:#fff;border:1px solid #8c959f;border-inline-start:.375em solid #b3261e;border-radius:.5em;box-shadow:0 .25em 1em #0003;overflow-wrap:anywhere;animation:in .2s ease-out}
.maintenance{border-inline-start-color:#1f5fbf}
p{margin:0 0 .25em}p:last-of-type{margin:0}
.title{font-weight:600}
a{color:#0b4fb3;text-decoration:underline}
.x{position:absolute;inset-inline-end:.25em;top:.25em;width:2em;height:2em;padding:0;border:0;border-radius:.25em;background:none;color:inherit;font:inherit;font-size:1.25em;line-height:1;cursor:pointer}
a:focus-visible,.x:focus-visible{outline:2px solid currentColor;outline-offset:2px}
@keyframes in{from{opacity:0;transform:translateY(.5em)}}
@media (prefers-reduced-motion:reduce){.box{animation:none}}
@media (prefers-color-scheme:dark){[role=status]{color:#e6edf3}.box{background:#1c2128;border-color:#6e7681;border-inline-start-color:#ff8a80}.maintenance{border-inline-start-color:#79b8ff}a{color:#8cc4ff}}`;

  customElements.define(
    tagName,
    class extends HTMLElement {
      constructor() {
        super();
        const style = element('style', { textContent: styles });
        const region = element('div');
        region.setAttribute('role', 'status');
        this.attachShadow({ mode: 'open' }).append(style, region);
      }
    },
  );

  const start = () => {
    // A <statusmark-notice> the page placed itself gets the notice; otherwise one floats at data-position.
    host = document.querySelector(tagName);
    if (!host) {
      host = document.createElement(tagName);
      host.setAttribute('position', position);
      document.body.append(host);
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') schedule(loadedAt + minute - Date.now());
      else clearTimeout(timer);
    });
    schedule(0);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
