/**
 * Draws a build's social cards on a second core while Astro bundles and renders on the first.
 *
 * src/integrations/social-cards.ts starts it as soon as the content check passes, with every
 * card the build will write (./input.ts), and stops it after the pages, once its own thread has
 * taken every card from the first while this worker went on from the last. It only fills the
 * cache of ./cache.ts; both sides write atomically, so the card both may have in hand when they
 * meet is written twice with the same bytes. Whatever the worker has not drawn (it failed, was
 * turned off, or is behind), the build draws itself.
 *
 * SOCIAL_IMAGE_PRERENDER=0 turns it off; so does a machine with one core, where a worker would
 * only take turns with Astro. This one file is both sides: the build imports it for
 * startSocialImageWorker, and the worker thread runs it with its workerData (the pattern of
 * Node's worker_threads docs). Neither side loads the renderer until the worker runs.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { envSwitch } from '../build-env.ts';
import type { SocialImageInput } from './input.ts';

/** How a worker's run went: cards it drew, cards it found cached, and why it ended early. */
export interface SocialImageWorkerSummary {
  total: number;
  rendered: number;
  cached: number;
  /** Asked to stop (or terminated) before the last card. */
  stopped: boolean;
  /** Why cards were left to the build's own thread: a card that failed, or the worker itself. */
  error?: string;
}

/**
 * A running worker. It does not keep the process alive by itself (a build that fails before
 * stopping it exits regardless), only while one of these is awaited. Neither ever rejects: a
 * failure only leaves cards to the build's own thread.
 */
export interface SocialImageWorker {
  /** Settles when the worker has exited: after its last card, a failure, or stop(). */
  finished(): Promise<SocialImageWorkerSummary>;
  /** Asks it to stop after the card in hand; terminates it if it has not exited within the timeout. */
  stop(): Promise<SocialImageWorkerSummary>;
}

interface WorkerInput {
  role: typeof ROLE;
  inputs: SocialImageInput[];
  cacheDir: string;
}

type Progress = Pick<SocialImageWorkerSummary, 'rendered' | 'cached'> & { stopped?: boolean; error?: string };

const ROLE = 'social-image-prerender';
const STOP = 'stop';

/** Whether a build should start the worker: not when SOCIAL_IMAGE_PRERENDER=0, nor on one core. */
export function socialImageWorkerEnabled(
  env: Record<string, string | undefined> = process.env,
  cores: number = availableParallelism(),
): boolean {
  return envSwitch('SOCIAL_IMAGE_PRERENDER', env) && cores >= 2;
}

/** Starts a worker that puts every card of `inputs` missing from `cacheDir` there, last first. */
export function startSocialImageWorker(
  inputs: readonly SocialImageInput[],
  cacheDir: string,
  { stopTimeoutMs = 10_000 }: { stopTimeoutMs?: number } = {},
): SocialImageWorker {
  const data: WorkerInput = { role: ROLE, inputs: [...inputs], cacheDir };
  const worker = new Worker(new URL(import.meta.url), { workerData: data });
  worker.unref();
  const summary: SocialImageWorkerSummary = { total: inputs.length, rendered: 0, cached: 0, stopped: false };
  let exited = false;
  let terminated = false;
  worker.on('message', (progress: Progress) => Object.assign(summary, progress));
  const done = new Promise<SocialImageWorkerSummary>((resolve) => {
    worker.once('error', (error) => {
      summary.error = error instanceof Error ? error.message : String(error);
    });
    worker.once('exit', (code) => {
      exited = true;
      if (terminated) summary.stopped = true;
      else if (code !== 0) summary.error ??= `the worker exited with code ${code}`;
      resolve(summary);
    });
  });
  return {
    finished() {
      if (!exited) worker.ref();
      return done;
    },
    stop() {
      if (exited) return done;
      worker.ref();
      worker.postMessage(STOP);
      const timer = setTimeout(() => {
        terminated = true;
        void worker.terminate();
      }, stopTimeoutMs);
      return done.finally(() => clearTimeout(timer));
    },
  };
}

/** The worker's side: draw the cards, last first, reporting after each one. */
async function run(port: NonNullable<typeof parentPort>, { inputs, cacheDir }: WorkerInput): Promise<void> {
  let stopping = false;
  port.on('message', (message) => {
    if (message === STOP) stopping = true;
  });
  const { getSocialImage } = await import('./cache.ts');
  const progress: Progress = { rendered: 0, cached: 0 };
  for (let i = inputs.length - 1; i >= 0 && !stopping; i--) {
    try {
      const { cached } = await getSocialImage(inputs[i]!, cacheDir);
      if (cached) progress.cached++;
      else progress.rendered++;
    } catch (error) {
      // The build's own thread draws this card again and fails the build with the error.
      progress.error ??= `a card failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    port.postMessage(progress);
  }
  port.postMessage({ ...progress, stopped: stopping });
  port.close();
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerInput> | null)?.role === ROLE) {
  await run(parentPort, workerData as WorkerInput);
}
