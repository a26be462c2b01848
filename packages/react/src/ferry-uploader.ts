import {
  FerryAddEvent,
  FerryCompleteEvent,
  FerryErrorEvent,
  FerryProgressEvent,
  FerryRejectEvent,
  FerryRemoveEvent,
  FerryStateEvent,
  FerryUploader as FerryUploaderElement,
} from '@ferry/element';
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';

/**
 * `<ferry-uploader>` as a React component: every property of the element as a typed prop, and
 * its events as `on…` callbacks that receive the element's own event classes.
 *
 * @example
 * ```tsx
 * <FerryUploader endpoint="/api/uploads" multiple onComplete={(e) => console.log(e.upload.key)} />
 * ```
 */
export const FerryUploader = createComponent({
  tagName: 'ferry-uploader',
  elementClass: FerryUploaderElement,
  react: React,
  events: {
    onAdd: 'ferry-add' as EventName<FerryAddEvent>,
    onReject: 'ferry-reject' as EventName<FerryRejectEvent>,
    onStateChange: 'ferry-state' as EventName<FerryStateEvent>,
    onProgress: 'ferry-progress' as EventName<FerryProgressEvent>,
    onComplete: 'ferry-complete' as EventName<FerryCompleteEvent>,
    onError: 'ferry-error' as EventName<FerryErrorEvent>,
    onRemove: 'ferry-remove' as EventName<FerryRemoveEvent>,
    onChange: 'change' as EventName,
  },
  displayName: 'FerryUploader',
});
