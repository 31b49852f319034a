/**
 * The chart worker thread's entry (bundled as its own file, dist/chart-worker.js). It draws one
 * chart at a time with the Vega-Lite + resvg renderer, loaded once and kept warm, and answers each
 * request with the PNG's bytes moved, not copied, to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { createVegaChartRenderer } from './vega-chart-renderer';
import { ChartWorkerReply, ChartWorkerRequest } from './chart-worker-messages';

const port = parentPort;
if (!port) throw new Error('chart-worker runs as a worker thread');
const renderer = createVegaChartRenderer();

port.on('message', (request: ChartWorkerRequest) => {
  void answer(request).then((reply) => port.postMessage(reply, 'image' in reply ? [reply.image.png.buffer as ArrayBuffer] : []));
});

async function answer(request: ChartWorkerRequest): Promise<ChartWorkerReply> {
  if (request.kind === 'heap') {
    (globalThis as { gc?: () => void }).gc?.(); // the bench starts the process with --expose-gc: live bytes only
    const heap = getHeapStatistics();
    return { id: request.id, heap: { usedBytes: heap.used_heap_size, totalBytes: heap.total_heap_size } };
  }
  try {
    return { id: request.id, image: await renderer.render(request.chart) };
  } catch (error) {
    return { id: request.id, error: (error as Error).message };
  }
}
