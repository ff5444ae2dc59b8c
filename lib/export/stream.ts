/**
 * A web stream (what a Response takes) pulled from an async iterable: a chunk is produced only when the
 * client has read the previous one, so a slow download holds one batch in memory, not the whole export.
 */
export function pullStream(chunks: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      // A client that goes away ends the cursor too (postgres.js closes it in the generator's finally).
      await iterator.return?.();
    },
  });
}
