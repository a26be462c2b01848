// Uppy 6 exactly as an application would configure it against Companion: `companionEndpoint` set
// to the signing server's base URL, nothing Ferry-specific.
import AwsS3 from '@uppy/aws-s3';
import Uppy from '@uppy/core';

/** What a finished Uppy upload reported for one file. */
export interface UppyOutcome {
  readonly name: string;
  readonly key: string;
  readonly location: string;
}

/** The page's interface to e2e/uppy.spec.ts. */
export interface UppyTest {
  /** Uploads the picked files; multipart for all when `multipart`, else Uppy's default (multipart above 100 MiB). */
  upload(options: { multipart: boolean }): Promise<UppyOutcome[]>;
  /** Starts a multipart upload of the first picked file and cancels it once `parts` parts are stored. */
  cancelAfterParts(parts: number): Promise<void>;
}

declare global {
  interface Window {
    uppyTest: UppyTest;
  }
}

function uppyWith(multipart: boolean | undefined): Uppy {
  const input = document.querySelector<HTMLInputElement>('#files')!;
  const uppy = new Uppy().use(AwsS3, {
    companionEndpoint: `${location.origin}/api/uploads`,
    ...(multipart === undefined ? {} : { shouldUseMultipart: () => multipart }),
  });
  for (const file of Array.from(input.files ?? [])) uppy.addFile({ name: file.name, type: file.type, data: file });
  return uppy;
}

window.uppyTest = {
  async upload({ multipart }) {
    const uppy = uppyWith(multipart ? true : undefined);
    const result = await uppy.upload();
    const failed = result?.failed ?? [];
    if (failed.length > 0) throw new Error(`Uppy failed: ${failed.map((file) => String(file.error)).join('; ')}`);
    const outcomes = (result?.successful ?? []).map((file) => {
      const body = file.response?.body as { key?: string; location?: string } | undefined;
      return { name: file.name, key: body?.key ?? '', location: body?.location ?? '' };
    });
    uppy.destroy();
    return outcomes;
  },

  cancelAfterParts(parts) {
    const uppy = uppyWith(true);
    return new Promise((resolve, reject) => {
      let stored = 0;
      uppy.on('s3-multipart:part-uploaded', () => {
        if (++stored === parts) {
          uppy.cancelAll();
          resolve();
        }
      });
      uppy.on('upload-error', (_file, error) => reject(new Error(error.message)));
      void uppy.upload();
    });
  },
};
