import { css, html } from 'lit';

/**
 * Styles of `<ferry-uploader>` before any file is listed (the list brings its own,
 * `fileListStyles`, with those of its links, folded details and the Upload button): logical properties only (so right-to-left mirrors), light and dark palettes
 * meeting WCAG AA contrast, themable through the `--ferry-*` properties on `:host`.
 */
export const uploaderStyles = css`
  :host {
    --ferry-accent: #0b57d0;
    --ferry-background: transparent;
    --ferry-foreground: currentColor;
    --ferry-muted: #4b5059;
    --ferry-border: #767b84;
    --ferry-track: #dfe3e8;
    --ferry-error: #b3261e;
    --ferry-success: #146c2e;
    --ferry-paused: #8a5300;
    --ferry-on-accent: #fff;
    --ferry-radius: 8px;
    --ferry-gap: 0.5rem;
    --ferry-padding: 0;
    display: block;
    container-type: inline-size;
    color: var(--ferry-foreground);
    background: var(--ferry-background);
    padding: var(--ferry-padding);
    border-radius: var(--ferry-radius);
    font: inherit;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--ferry-border);
    border-radius: var(--ferry-radius);
    padding: calc(var(--ferry-gap) / 2) calc(var(--ferry-gap) * 1.5);
    cursor: pointer;
    /* WCAG 2.5.8: touch targets at least 24 × 24 CSS px, whatever the font size. */
    min-block-size: 24px;
    min-inline-size: 24px;
  }
  button:focus-visible {
    outline: 3px solid var(--ferry-accent);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .dropzone {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--ferry-gap) / 2);
    inline-size: 100%;
    box-sizing: border-box;
    padding: calc(var(--ferry-gap) * 3) calc(var(--ferry-gap) * 2);
    border: 2px dashed var(--ferry-border);
    background: color-mix(in srgb, var(--ferry-accent) 4%, transparent);
    text-align: center;
  }
  .dropzone:enabled:hover {
    border-color: var(--ferry-accent);
  }
  .dropzone .icon {
    inline-size: 2rem;
    block-size: 2rem;
    color: var(--ferry-accent);
  }
  .limits {
    color: var(--ferry-muted);
    font-size: 0.875em;
  }
  [part~='dragover'] {
    border-color: var(--ferry-accent);
    border-style: solid;
    background: color-mix(in srgb, var(--ferry-accent) 12%, transparent);
  }
  .secondary {
    margin-block-start: var(--ferry-gap);
    margin-inline-end: var(--ferry-gap);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/**
 * The dark palette, rendered into the shadow root while the element is dark: with `theme="dark"`,
 * or with `theme="auto"` on a page whose `color-scheme` is dark (not the system's preference
 * alone: a light page keeps a light widget). `:host(:not(...))` outranks the light `:host` rule.
 * It keeps an inner padding, so the panel's content never touches its edge.
 */
export const darkPalette = html`<style>
  :host(:not([theme='light'])) {
    color-scheme: dark;
    --ferry-accent: #a8c7fa;
    --ferry-background: #1f1f1f;
    --ferry-foreground: #e3e3e3;
    --ferry-muted: #c4c7c5;
    --ferry-border: #8e918f;
    --ferry-track: #444746;
    --ferry-error: #f2b8b5;
    --ferry-success: #6dd58c;
    --ferry-paused: #f5c26b;
    --ferry-on-accent: #1f1f1f;
    --ferry-padding: calc(var(--ferry-gap) * 2);
  }
</style>`;
