import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A multipart upload as s3rver keeps it on disk. */
export interface PendingUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiated: Date;
}

/** A stored part. */
export interface StoredPartFile {
  readonly partNumber: number;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: Date;
}

/**
 * Reads and removes the multipart uploads that s3rver keeps under
 * `<root>/<bucket>/._S3rver_uploads/<uploadId>/` (files `key`, `metadata`, `<n>`, `<n>.md5`).
 */
export class UploadDirectory {
  constructor(private readonly root: string) {}

  private dir(bucket: string, uploadId?: string): string {
    const uploads = join(this.root, bucket, '._S3rver_uploads');
    return uploadId === undefined ? uploads : join(uploads, uploadId);
  }

  /** The upload, or undefined when it does not exist (or belongs to another key). */
  async get(bucket: string, uploadId: string, key?: string): Promise<PendingUpload | undefined> {
    if (!/^[0-9a-f]{32}$/.test(uploadId)) return undefined;
    try {
      const keyFile = join(this.dir(bucket, uploadId), 'key');
      const [storedKey, info] = await Promise.all([readFile(keyFile, 'utf8'), stat(keyFile)]);
      if (key !== undefined && storedKey !== key) return undefined;
      return { uploadId, key: storedKey, initiated: info.mtime };
    } catch {
      return undefined;
    }
  }

  /**
   * Every pending upload of the bucket, sorted by key then upload id: the order ListMultipartUploads
   * pages in, since its `upload-id-marker` means "upload ids lexicographically greater" (S3's
   * reference). Sorting one key's uploads by time, as before, made a page boundary inside them
   * skip or repeat uploads.
   */
  async list(bucket: string): Promise<PendingUpload[]> {
    let ids: string[];
    try {
      ids = await readdir(this.dir(bucket));
    } catch {
      return [];
    }
    const uploads = await Promise.all(ids.map((id) => this.get(bucket, id)));
    return uploads
      .filter((upload): upload is PendingUpload => upload !== undefined)
      .sort((a, b) => (a.key === b.key ? compare(a.uploadId, b.uploadId) : compare(a.key, b.key)));
  }

  /** The parts stored so far, by part number. */
  async parts(bucket: string, uploadId: string): Promise<StoredPartFile[]> {
    const dir = this.dir(bucket, uploadId);
    const names = (await readdir(dir)).filter((name) => /^\d+$/.test(name));
    const parts = await Promise.all(
      names.map(async (name): Promise<StoredPartFile | undefined> => {
        try {
          // The .md5 file is written after the part's bytes: without it the part is still arriving.
          const [info, md5] = await Promise.all([stat(join(dir, name)), readFile(join(dir, `${name}.md5`), 'utf8')]);
          return { partNumber: Number(name), size: info.size, etag: `"${md5.trim()}"`, lastModified: info.mtime };
        } catch {
          return undefined;
        }
      }),
    );
    return parts.filter((part) => part !== undefined).sort((a, b) => a.partNumber - b.partNumber);
  }

  /**
   * Deletes the upload and its parts; false when it was already gone. Renamed out of the way
   * first, so that of two aborts at once exactly one succeeds and the other finds no upload
   * (NoSuchUpload), as on S3.
   */
  async remove(bucket: string, uploadId: string): Promise<boolean> {
    const doomed = `${this.dir(bucket, uploadId)}.removing-${randomUUID()}`;
    try {
      await rename(this.dir(bucket, uploadId), doomed);
    } catch {
      return false;
    }
    await rm(doomed, { recursive: true, force: true });
    return true;
  }
}
