// The frame every look story is drawn in: one <ferry-uploader> driven by FAKES (an in-memory
// uploader, and for the interrupted list an in-memory record of interrupted uploads), on a light
// or dark page, at 320 px or 1024 px. Visuals only: uploads are tested against the real store elsewhere.
import type { InterruptedUpload } from '@ferry/core/resume';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ExistingFile } from '../existing/existing-file.js';
import { FerryUploader } from '../uploader/uploader.js';
import { showFakeInterrupted } from './fake-interrupted-uploads.js';
import { FakeUploader, type FakeUpload } from './fake-uploader.js';

/** A story as Storybook takes it. */
export interface Story {
  readonly name: string;
  readonly render: () => TemplateResult;
}

/** What a state needs: its uploads, attributes, and what to do once rendered. */
export interface State {
  readonly uploads?: readonly FakeUpload[];
  /** Existing files the form already has (the `files` property). */
  readonly files?: readonly ExistingFile[];
  /** Uploads interrupted in this browser, listed above the rows (a FAKE record of them). */
  readonly interrupted?: readonly InterruptedUpload[];
  readonly manual?: boolean;
  readonly accept?: string;
  readonly maxFileSize?: number;
  readonly refuseAbort?: boolean;
  readonly then?: (element: FerryUploader) => void | Promise<void>;
}

function frame(state: State, dark: boolean, width: number): TemplateResult {
  const page = dark ? 'color-scheme:dark;background:#121212;color:#e3e3e3' : 'color-scheme:light;background:#fff';
  return html`<div style="${page};padding:16px;inline-size:${width}px;box-sizing:border-box">
    <ferry-uploader
      multiple
      name=${state.files ? 'attachments' : nothing}
      ?manual=${state.manual ?? false}
      accept=${state.accept ?? ''}
      max-file-size=${state.maxFileSize ?? nothing}
      .uploader=${new FakeUploader(state.uploads ?? [], { refuseAbort: state.refuseAbort ?? false })}
      ${ref((element) => {
        if (!(element instanceof FerryUploader)) return;
        if (state.files && element.files.length === 0) element.files = state.files;
        void element.updateComplete.then(async () => {
          if (state.interrupted) await showFakeInterrupted(element, state.interrupted);
          await state.then?.(element);
        });
      })}
    ></ferry-uploader>
  </div>`;
}

/** The four stories of a state: light and dark, at 320 px and at 1024 px. */
export function looks(label: string, state: State): [Story, Story, Story, Story] {
  return [
    { name: `${label}, light, 320 px`, render: () => frame(state, false, 320) },
    { name: `${label}, dark, 320 px`, render: () => frame(state, true, 320) },
    { name: `${label}, light, 1024 px`, render: () => frame(state, false, 1024) },
    { name: `${label}, dark, 1024 px`, render: () => frame(state, true, 1024) },
  ];
}
