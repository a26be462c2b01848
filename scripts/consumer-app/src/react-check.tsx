// Typechecked only (not bundled): @ferry/react's published types, as the README uses them.
import { FerryUploader } from '@ferry/react';

export const upload = (
  <FerryUploader endpoint="/api/uploads" multiple onComplete={(event) => console.log(event.upload.key)} />
);

// @ts-expect-error multiple is a boolean
export const wrong = <FerryUploader endpoint="/api/uploads" multiple="yes" />;
