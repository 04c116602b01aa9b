/// <reference lib="dom" />
// The host page's half of the iframe card, served as /embed/resize.js so a snippet needs no inline
// script: it sizes each rolegraph frame to the height its card reports, and drops the frame's border
// through the CSSOM (which `style-src` does not govern, unlike a style= attribute).
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const origin = script ? new URL(script.src).origin : location.origin;
  const flag = '__rolegraphResize';
  const host = window as unknown as Record<string, boolean>;
  if (host[flag]) return;
  host[flag] = true;
  const ours = () => document.querySelectorAll<HTMLIFrameElement>(`iframe[src^="${origin}/embed/"]`);
  const tidy = (frame: HTMLIFrameElement) => {
    frame.style.border = '0';
    frame.style.maxWidth = '100%';
  };
  addEventListener('message', (event) => {
    const data = event.data as { type?: string; height?: unknown } | null;
    if (event.origin !== origin || data?.type !== 'rolegraph:height' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      tidy(frame);
      frame.height = String(Math.max(0, Math.round(data.height)));
    }
  });
  const start = () => {
    for (const frame of ours()) {
      tidy(frame);
      frame.contentWindow?.postMessage({ type: 'rolegraph:measure' }, origin);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
