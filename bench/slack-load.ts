/**
 * Load check for the Slack adapter: n signed slash commands over loopback against the real Bolt
 * HTTP receiver, answered through a local response_url. Each of `concurrency` workers sends a
 * command and waits for its answer before the next, so latency (request sent → answer posted)
 * is measured at a known load rather than under an ever-growing backlog.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { slashCommand } from '../loopback/slack/fixtures.ts';
import { startHttpHarness } from '../loopback/slack/harness.ts';
import { percentile } from './stats.ts';
import { commandBody, signedHeaders } from '../loopback/slack/sign.ts';

export interface SlackLoadResult {
  n: number;
  seconds: number;
  /** Commands answered per second. */
  throughput: number;
  /** Milliseconds from sending a command to its answer reaching the response_url. */
  p50: number;
  p99: number;
  /** Every command acked 200, reached the bot once and was answered once. */
  exactlyOnce: boolean;
}

export interface SlackLoadOptions {
  n?: number;
  /**
   * Commands in flight at once (default 50), each worker on its own keep-alive connection.
   * Past ~100 on a small machine the client, Bolt and the mock share one event loop and p99
   * measures their contention more than the adapter.
   */
  concurrency?: number;
  /** Untimed commands sent first. */
  warmup?: number;
}

function request(url: string, agent: http.Agent, method: 'GET' | 'POST', body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = method === 'POST' ? signedHeaders(body) : {};
    const req = http.request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runSlackLoad(opts: SlackLoadOptions = {}): Promise<SlackLoadResult> {
  const n = opts.n ?? 1000;
  const concurrency = Math.min(opts.concurrency ?? 50, n);
  const h = await startHttpHarness();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const body = (id: string) => commandBody(slashCommand({ command: '/who', text: 'Nakhayev', user_id: `U${id}`, response_url: h.mock.responseUrl(id) }));
    const latencies: number[] = [];
    let acked = 0;
    const run = async (prefix: string, count: number) => {
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const id = `${prefix}-${next++}`;
          const sent = performance.now();
          const answered = h.mock.responded(id);
          const status = await request(h.url, agent, 'POST', body(id));
          const hit = await answered;
          if (prefix !== 'load') continue;
          if (status === 200) acked++;
          latencies.push(hit.at - sent);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    };

    // Untimed warm-up: opens the keep-alive connections both ways (here → Bolt, Bolt →
    // response_url) and lets V8 compile the hot paths. Cold, a burst of new connections to one
    // busy single-threaded process queues accepts for seconds: the harness, not the adapter.
    await run('warm', opts.warmup ?? 500);
    const handledBefore = h.bot.handled.length;
    const respondedBefore = h.mock.responses.length;

    const start = performance.now();
    await run('load', n);
    const seconds = (performance.now() - start) / 1000;
    // Late duplicates would show up here.
    await new Promise((r) => setTimeout(r, 250));

    const perId = new Map<string, number>();
    for (const r of h.mock.responses.slice(respondedBefore)) perId.set(r.name, (perId.get(r.name) ?? 0) + 1);
    latencies.sort((a, b) => a - b);
    return {
      n,
      seconds,
      throughput: n / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      exactlyOnce:
        acked === n &&
        h.bot.handled.length - handledBefore === n &&
        h.mock.responses.length - respondedBefore === n &&
        perId.size === n &&
        [...perId.values()].every((count) => count === 1),
    };
  } finally {
    agent.destroy();
    await h.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runSlackLoad());
}
