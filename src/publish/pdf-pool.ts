// PDFs rendered in parallel when asked for (MASTERPLAN_PDF_THREADS): in this thread and in
// worker threads, one book per thread at a time. Only in the bundled CLI (dist/),
// where the worker script is built next to cli.js; the tests that import the sources and the
// single executable (one embedded script, no worker file) render in the calling thread.

import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BookDoc } from '../book/types.js';
import { packageRoot } from '../render/html/package-root.js';
import { toJobDoc } from './pdf-job.js';
import type { PdfJobMessage, PdfWorkerData, PdfWorkerReply } from './pdf-worker.js';
import type { PdfRenderOptions, PdfResult } from './pdf-renderer.js';

/** Defined (as the worker's file name in dist/) by scripts/build.mjs only. */
declare const __MASTERPLAN_PDF_WORKER__: string | undefined;

/**
 * How many threads render PDFs, this one included: MASTERPLAN_PDF_THREADS (at most 8), in the
 * bundled CLI only; one by default. A second thread pays again for what the first book costs
 * (loading fonts, shaping words, compiling code: about 2.3 s of CPU for the example on this
 * project's 2-core machine), more than the half of the rendering it takes over, so on two cores
 * two threads were slower in every measurement (README, Measured); on more cores they may not be.
 */
export function pdfThreads(env: NodeJS.ProcessEnv = process.env): number {
  if (typeof __MASTERPLAN_PDF_WORKER__ !== 'string') return 1;
  const asked = env.MASTERPLAN_PDF_THREADS;
  const n = asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : 1;
  return Math.max(1, Math.min(n, 8));
}

interface Job {
  doc: BookDoc;
  ids: readonly string[];
  opts: PdfRenderOptions;
  message?: PdfJobMessage;
  onProgress?: (msg: string) => void;
  resolve: (r: PdfResult) => void;
  reject: (e: Error) => void;
}

export class PdfPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private closed = false;
  private localBusy = false;
  /** This thread's ends of the channels for shaped words, one per worker (see fonts.ts). */
  readonly shapedWordPorts: MessagePort[] = [];

  /**
   * `workers`: how many worker threads to start (they load the renderer at once); `local`: the
   * renderer of this thread, which takes a book whenever it is free too (no copy of the layout),
   * and every book a worker could not render because it did not start or died.
   * `file`: the worker's script (tests).
   */
  constructor(
    workers: number,
    private readonly local?: (doc: BookDoc, opts: PdfRenderOptions) => Promise<PdfResult>,
    file = join(packageRoot(), 'dist', typeof __MASTERPLAN_PDF_WORKER__ === 'string' ? __MASTERPLAN_PDF_WORKER__ : 'pdf-worker.js'),
  ) {
    for (let i = 0; i < workers; i++) {
      const { port1, port2 } = new MessageChannel();
      let worker: Worker;
      try {
        worker = new Worker(file, { workerData: { shapedWords: port2 } satisfies PdfWorkerData, transferList: [port2] });
      } catch {
        // No threads here (e.g. a runtime built without them): this thread renders.
        port1.close();
        continue;
      }
      port1.unref();
      this.shapedWordPorts.push(port1);
      // An idle worker does not keep the process alive; a busy one does (see `next`).
      worker.unref();
      worker.on('message', (reply: PdfWorkerReply) => this.reply(worker, reply));
      worker.on('error', (e) => this.fail(worker, e));
      worker.on('exit', (code) => this.fail(worker, new Error(`PDF worker stopped (exit code ${code})`)));
      this.idle.push(worker);
    }
  }

  /** Render one book in the next free thread. `ids`: every id the project knows (see pdf-job.ts). */
  render(doc: BookDoc, ids: readonly string[], opts: PdfRenderOptions): Promise<PdfResult> {
    return new Promise<PdfResult>((resolve, reject) => {
      this.queue.push({ doc, ids, opts, onProgress: opts.onProgress, resolve, reject });
      this.next();
    });
  }

  /** Stop the threads (pending jobs fail). */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    for (const port of this.shapedWordPorts) port.close();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private next(): void {
    // This thread first: its book needs no copy, and the workers may still be loading.
    if (this.local && !this.localBusy && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.localBusy = true;
      this.local(job.doc, job.opts).then(job.resolve, job.reject).finally(() => {
        this.localBusy = false;
        this.next();
      });
    }
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      const otherBooks = new Map([...(job.opts.otherBooks ?? [])].map(([f, m]) => [f, new Map(m)]));
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ doc: toJobDoc(job.doc, job.ids), otherBooks } satisfies PdfJobMessage);
    }
  }

  private reply(worker: Worker, reply: PdfWorkerReply): void {
    const job = this.running.get(worker);
    if (!job) return;
    if (reply.type === 'progress') {
      job.onProgress?.(reply.msg);
      return;
    }
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.type === 'done') job.resolve({ pdf: reply.pdf, missingGlyphs: reply.missingGlyphs, destinationPages: reply.destinationPages });
    else {
      const e = new Error(reply.message);
      if (reply.stack) e.stack = reply.stack;
      job.reject(e);
    }
    this.next();
  }

  /**
   * A thread that died or could not start (its script missing, no threads allowed): its job, and
   * every job queued, is rendered in this thread instead; without one, they fail.
   */
  private fail(worker: Worker, e: Error): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at !== -1) this.idle.splice(at, 1);
    if (this.closed || !this.local) {
      job?.reject(e);
      if (!this.closed && this.idle.length === 0 && this.running.size === 0) for (const queued of this.queue.splice(0)) queued.reject(e);
      return;
    }
    if (job) this.queue.unshift(job);
    this.next();
  }
}
