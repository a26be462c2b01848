import { FerryUploader as FerryUploaderElement, type FerryEventMap } from '@ferry/element';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';

/** The event of `type`, typed as `<ferry-uploader>` dispatches it. */
const event = <K extends keyof FerryEventMap>(type: K) => type as EventName<FerryEventMap[K]>;

/**
 * `<ferry-uploader>` as a React component: every property of the element as a typed prop, and
 * its events as `on…` callbacks.
 *
 * @example
 * ```tsx
 * <FerryUploader endpoint="/api/uploads" multiple onComplete={(e) => console.log(e.detail.upload.key)} />
 * ```
 */
export const FerryUploader = createComponent({
  tagName: 'ferry-uploader',
  elementClass: FerryUploaderElement,
  react: React,
  events: {
    onAdd: event('ferry-add'),
    onReject: event('ferry-reject'),
    onStateChange: event('ferry-state'),
    onProgress: event('ferry-progress'),
    onComplete: event('ferry-complete'),
    onError: event('ferry-error'),
    onRemove: event('ferry-remove'),
    onChange: 'change' as EventName,
  },
  displayName: 'FerryUploader',
});
