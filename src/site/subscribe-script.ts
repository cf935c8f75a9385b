/**
 * Progressive enhancement for the "Subscribe to updates" `<details>`: Escape
 * closes it and returns focus to its button, a click or focus outside closes
 * it. Without JavaScript it still opens and closes with Enter, Space or a click.
 */
export const subscribeScript =
  "(function(){var d=document.querySelector('details.subscribe');if(!d)return;var s=d.querySelector('summary');" +
  'function out(e){if(d.open&&!d.contains(e.target))d.open=false}' +
  "document.addEventListener('keydown',function(e){if(e.key==='Escape'&&d.open){d.open=false;s.focus()}});" +
  "document.addEventListener('click',out);document.addEventListener('focusin',out)})();";
