import { CoreDeps } from '../core-deps';
import { Reply, fileFromBytes } from '../conversation/reply';
import { formatted } from '../conversation/formatted-text';
import { Chart, chartFailureCode } from './chart';

/**
 * Each chart drawn and carried by a reply of its own (a photo with a short caption). Drawing is an
 * extra: where no renderer is set up, or drawing fails, the text answer still goes, and the failure
 * is logged with its code (`chart.busy` when too many charts are waiting to be drawn).
 */
export async function chartReplies(deps: CoreDeps, charts: readonly { chart: Chart; caption: string; fileName: string }[]): Promise<Reply[]> {
  const renderer = deps.charts;
  if (!renderer || charts.length === 0) return [];
  try {
    const replies: Reply[] = [];
    // One after the other: drawing is CPU work, and one chart's memory is let go before the next.
    for (const c of charts) {
      const image = await renderer.render(c.chart);
      replies.push({ text: formatted(c.caption), image: fileFromBytes(c.fileName, 'image/png', image.png) });
    }
    return replies;
  } catch (error) {
    deps.log.error({ code: chartFailureCode(error), err: { message: (error as Error).message } }, 'a chart could not be drawn; the text answer goes alone');
    return [];
  }
}
