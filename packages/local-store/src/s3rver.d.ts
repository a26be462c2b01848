// The parts of @20minutes/s3rver (plain JavaScript, no types) that Ferry's local store uses.
declare module '@20minutes/s3rver' {
  import type { Server } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** A Koa application; `middleware` is Koa's middleware array. */
  export default class S3rver {
    constructor(options: S3rverOptions);
    middleware: KoaMiddleware[];
    httpServer?: Server;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }

  export interface KoaContext {
    method: string;
    path: string;
    query: Record<string, string | undefined>;
    params: Record<string, string | undefined>;
    state: Record<string, unknown>;
    status: number;
    body: unknown;
    get(header: string): string;
    set(header: string, value: string): void;
    res: import('node:http').ServerResponse;
    origin: string;
    store: {
      rootDirectory: string;
      putSubresource(bucket: string, key: string, resource: unknown): Promise<void>;
      putObject(
        object: import('@20minutes/s3rver/lib/models/object.js').default,
      ): Promise<{ size: number; md5: string }>;
    };
  }

  export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;
}

declare module '@20minutes/s3rver/lib/middleware/authentication.js' {
  const authentication: () => import('@20minutes/s3rver').KoaMiddleware;
  export default authentication;
}

declare module '@20minutes/s3rver/lib/middleware/cors.js' {
  const cors: () => import('@20minutes/s3rver').KoaMiddleware;
  export default cors;
}

declare module '@20minutes/s3rver/lib/models/error.js' {
  class S3Error extends Error {
    constructor(code: string, message?: string, detail?: Record<string, string>);
    status: number;
  }
  export default S3Error;
}

declare module '@20minutes/s3rver/lib/models/config.js' {
  /** An object's tag set, as s3rver stores and answers it (GetObjectTagging). */
  export class TaggingConfiguration {
    constructor(xml: string);
    /** The tag set as S3's XML. */
    toXML(): string;
  }
}

declare module '@20minutes/s3rver/lib/models/account.js' {
  class AWSAccount {
    static registry: Map<string, AWSAccount>;
    accessKeys: Map<string, string>;
  }
  export default AWSAccount;
}

declare module '@20minutes/s3rver/lib/models/object.js' {
  import type { Readable } from 'node:stream';
  class S3Object {
    readonly bucket: string;
    readonly key: string;
    constructor(bucket: string, key: string, content: Readable | Buffer, metadata: Record<string, string>);
  }
  export default S3Object;
}
