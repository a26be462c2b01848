import type { KoaContext, KoaMiddleware } from '@20minutes/s3rver';
import { TaggingConfiguration } from '@20minutes/s3rver/lib/models/config.js';

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The `x-amz-tagging` header (a URL-encoded query string) as S3's tagging document. */
function taggingXml(header: string): string {
  const tags = [...new URLSearchParams(header)]
    .map(([key, value]) => `<Tag><Key>${escapeXml(key)}</Key><Value>${escapeXml(value)}</Value></Tag>`)
    .join('');
  return `<Tagging><TagSet>${tags}</TagSet></Tagging>`;
}

/**
 * Koa middleware that keeps the tags a PutObject or a multipart upload carries in `x-amz-tagging`,
 * as S3 does: s3rver answers GetObjectTagging but ignores the header. A multipart upload's tags
 * are taken at create time and given to the object when it completes (kept in memory: an upload
 * created before a restart completes without them).
 */
export function objectTagging(): KoaMiddleware {
  const pending = new Map<string, string>();
  return async (ctx, next) => {
    const tagging = ctx.get('x-amz-tagging');
    const { method, query } = ctx;
    const uploadId = query['uploadId'];
    const creating = method === 'POST' && 'uploads' in query;
    const completing = method === 'POST' && uploadId !== undefined;
    const putting =
      method === 'PUT' && uploadId === undefined && !('tagging' in query) && !ctx.get('x-amz-copy-source');
    await next();
    if (ctx.status !== 200) return;
    if (creating && tagging) {
      const created = ctx.body as { InitiateMultipartUploadResult?: { UploadId?: string } } | undefined;
      const id = created?.InitiateMultipartUploadResult?.UploadId;
      if (id) pending.set(id, tagging);
    } else if (completing && pending.has(uploadId)) {
      await tag(ctx, pending.get(uploadId)!);
      pending.delete(uploadId);
    } else if (putting && tagging) {
      await tag(ctx, tagging);
    }
  };
}

async function tag(ctx: KoaContext, header: string): Promise<void> {
  const { bucket, key } = ctx.params;
  if (bucket === undefined || key === undefined) return;
  await ctx.store.putSubresource(bucket, key, new TaggingConfiguration(taggingXml(header)));
}
