// Lists that travel between the page and a worker as UTF-8 JSON in transferable buffers.
//
// Why: postMessage copies every string it clones, on the sending thread and again on the receiving one.
// For a large import (430,000 facilities) the ids, names and attributes were tens of megabytes of
// strings: about 150 ms of one main-thread task to receive them from the import worker and 130 ms to
// send the ids on to the reachability worker. Buffers are transferred (moved, not copied), and a list
// cut into chunks is encoded and decoded one chunk per step, so no step holds the page for long.
// JSON.stringify escapes unpaired surrogates, so every string comes back exactly as it went.

import { runAtOnce, type Steps } from './slicedWork';

/** A list as JSON arrays of consecutive items, each UTF-8 encoded in a buffer of its own. */
export type JsonChunks = Uint8Array[];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes `items` in chunks of `chunkSize`, one chunk per step (./slicedWork runs it at once or in slices). */
export function* encodeJsonChunksSteps<T>(items: readonly T[], chunkSize: number): Steps<JsonChunks> {
  if (!(chunkSize >= 1)) throw new RangeError('chunkSize must be at least 1');
  const chunks: JsonChunks = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    if (start > 0) yield;
    chunks.push(encoder.encode(JSON.stringify(items.slice(start, start + chunkSize))));
  }
  return chunks;
}

export function encodeJsonChunks<T>(items: readonly T[], chunkSize: number): JsonChunks {
  return runAtOnce(encodeJsonChunksSteps(items, chunkSize));
}

/** The items of one chunk. */
export function decodeJsonChunk<T>(chunk: Uint8Array): T[] {
  return JSON.parse(decoder.decode(chunk)) as T[];
}

/** Every item, in order. */
export function decodeJsonChunks<T>(chunks: JsonChunks): T[] {
  return chunks.flatMap((chunk) => decodeJsonChunk<T>(chunk));
}

/** The buffers to list in postMessage's transfer argument (the sender's chunks are empty afterwards). */
export function jsonChunkBuffers(chunks: JsonChunks): ArrayBuffer[] {
  return chunks.map((chunk) => chunk.buffer as ArrayBuffer);
}
