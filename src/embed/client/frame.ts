/// <reference lib="dom" />
// Tells the host page how tall the card is, so it can size the iframe (the message carries the frame's own URL to tell cards apart).
const report = () =>
  window.parent.postMessage({ type: 'rolegraph:height', height: Math.ceil(document.documentElement.scrollHeight), src: location.href }, '*');
new ResizeObserver(report).observe(document.documentElement);
report();
