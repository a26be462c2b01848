import type { SinglePutParams } from './ports/endpoint.js';
import type { RunResult, RunServices } from './upload-run.js';

/** Sends a file at or below the multipart threshold in one presigned PUT. */
export async function runSinglePut(run: RunServices, signal: AbortSignal): Promise<RunResult> {
  const { endpoint } = run.options;
  const body = run.source.slice(0, run.source.size);
  // Signed once, and again after the store said the URL expired; a failed signing is not kept.
  let params: Promise<SinglePutParams> | undefined;
  const signed = (): Promise<SinglePutParams> =>
    (params ??= run
      .call((options) => endpoint.singlePutParams({ ...run.descriptor(), bytes: body }, options), signal)
      .catch((error: unknown) => {
        params = undefined;
        throw error;
      }));
  const { key, url } = await signed();
  signal.throwIfAborted();
  run.keyChosen(key);
  run.apply('ready');
  const response = await run.put({
    index: 0,
    body,
    signal,
    noNewAttempts: signal,
    signed,
    expired: () => (params = undefined),
  });
  // An OSS upload callback answers in the PUT's body; S3 sends none.
  return { location: url.split('?')[0], callback: response.body || undefined };
}
