// The look comparison's page: one widget in one state, on a light or dark page, in a frame of the
// given width (as the Storybook looks are framed). `?widget=ferry&state=uploading&dark=1&width=320`;
// `window.look.ready` resolves once the state stands.
import { lookFiles } from './look-files.js';
import { showFerry } from './look-ferry.js';
import { showFilePond } from './look-filepond.js';
import { LOOK_STATES, type LookRequest, type LookState, type LookWidget } from './look-states.js';

declare global {
  interface Window {
    look: { readonly ready: Promise<void> };
  }
}

function request(): LookRequest {
  const query = new URLSearchParams(location.search);
  return {
    widget: (query.get('widget') ?? 'ferry') as LookWidget,
    state: (query.get('state') ?? 'empty') as LookState,
    dark: query.get('dark') === '1',
    width: Number(query.get('width') ?? 320),
  };
}

async function show({ widget, state, dark, width }: LookRequest): Promise<void> {
  document.documentElement.style.cssText = dark
    ? 'color-scheme:dark;background:#121212;color:#e3e3e3'
    : 'color-scheme:light;background:#fff;color:#1f1f1f';
  const frame = document.querySelector<HTMLElement>('#frame')!;
  frame.style.cssText = `padding:16px;inline-size:${width}px;box-sizing:border-box`;
  const files = await lookFiles();
  const stands = LOOK_STATES[state];
  if (widget === 'ferry') return showFerry(frame, files, stands);
  if (widget === 'filepond') return showFilePond(frame, files, stands);
  // Uppy's module is large; load it only for its own screenshots.
  const { showUppy } = await import('./look-uppy.js');
  return showUppy(frame, files, stands, dark);
}

window.look = { ready: show(request()) };
