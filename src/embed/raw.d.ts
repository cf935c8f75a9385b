/** Vite's `?raw` import: the file's text. astro/client declares it too, but `tsc` runs without Astro's types. */
declare module '*/embed.js?raw' {
  const source: string;
  export default source;
}
