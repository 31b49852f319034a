// A stand-in for bot/src/charts/chart-worker.ts speaking the same messages, for testing the
// worker renderer's queue, time limit and restarts: a chart titled 'slow' takes 200 ms, 'hang'
// never answers, 'crash' ends the thread with an error; any other is a 1×1 "image" at once.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', (request) => {
  if (request.kind === 'heap') return parentPort.postMessage({ id: request.id, heap: { usedBytes: 1, totalBytes: 2 } });
  const title = request.chart.title;
  if (title === 'hang') return;
  if (title === 'crash') throw new Error('drawing went wrong');
  const answer = () => parentPort.postMessage({ id: request.id, image: { png: new Uint8Array([1, 2, 3]), width: 1, height: 1 } });
  if (title === 'slow') setTimeout(answer, 200);
  else answer();
});
