/// <reference lib="dom" />
// Tells the host page how tall the card is, so it can size the iframe. The body's own height, not the
// document's scrollHeight: that never gets smaller than the frame, so a frame could grow but never shrink.
const report = () =>
  window.parent.postMessage({ type: 'rolegraph:height', height: Math.ceil(document.body.getBoundingClientRect().height), src: location.href }, '*');
new ResizeObserver(report).observe(document.body);
// The host's resize script may start after the first report (it loads async): it asks, the card answers.
addEventListener('message', (event) => {
  if (event.source === window.parent && (event.data as { type?: string } | null)?.type === 'rolegraph:measure') report();
});
report();
