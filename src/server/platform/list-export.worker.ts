/**
 * The worker thread of a big list export (platform/list-export.ts): builds and writes the workbook
 * off the main thread, so the server keeps answering while 20k rows become an .xlsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { listSheetBuffer, type ListSheetSpec } from './list-export.ts';

const { spec, created } = workerData as { spec: ListSheetSpec; created: Date };
const buffer = await listSheetBuffer(spec, created);
const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
