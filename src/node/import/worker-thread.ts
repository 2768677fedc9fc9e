/**
 * The body of a parse-pool worker thread: reads the files it is sent, one at
 * a time, with the reader, and answers with the ExtractedFile or a failure.
 * It says "ready" once its modules are loaded, with the time that took.
 */
import { parentPort, workerData } from 'worker_threads';
import * as path from 'path';
import { readReport, ReportError, type ReadOptions } from './read';
import type { WorkerReply, WorkerRequest } from './parse-pool';

const port = parentPort;
if (!port) throw new Error('worker-thread.ts must run in a worker thread');

const startedAt = (workerData as { startedAt?: number } | undefined)?.startedAt;

port.on('message', (message: WorkerRequest) => {
  if (message.type !== 'read') return;
  void handle(message.id, message.path, message.options);
});

async function handle(id: number, file: string, options: ReadOptions | undefined): Promise<void> {
  let reply: WorkerReply;
  try {
    const extracted = await readReport(file, options);
    reply = { type: 'done', id, ok: true, file: extracted };
  } catch (e) {
    if (e instanceof ReportError) {
      reply = { type: 'done', id, ok: false, failure: { file, sha256: e.sha256, message: e.message } };
    } else {
      const name = options?.displayName ?? path.basename(file);
      reply = {
        type: 'done',
        id,
        ok: false,
        failure: {
          file,
          sha256: null,
          message: `Tệp «${name}»: lỗi không mong muốn khi đọc tệp (${(e as Error)?.message ?? String(e)}).`,
        },
      };
    }
  }
  port!.postMessage(reply);
}

port.postMessage({ type: 'ready', startupMs: startedAt ? Date.now() - startedAt : null } satisfies WorkerReply);
