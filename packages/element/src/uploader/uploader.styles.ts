import { css } from 'lit';

/**
 * Styles of `<ferry-uploader>`: logical properties only (so right-to-left mirrors), light and
 * dark palettes meeting WCAG AA contrast, themable through the `--ferry-*` properties on `:host`.
 */
export const uploaderStyles = css`
  :host {
    color-scheme: light dark;
    --ferry-accent: #0b57d0;
    --ferry-background: transparent;
    --ferry-foreground: currentColor;
    --ferry-muted: #4b5059;
    --ferry-border: #767b84;
    --ferry-error: #b3261e;
    --ferry-on-accent: #fff;
    --ferry-radius: 8px;
    --ferry-gap: 0.5rem;
    display: block;
    container-type: inline-size;
    color: var(--ferry-foreground);
    background: var(--ferry-background);
    font: inherit;
  }
  /* The dark palette twice, for the system's preference and for theme="dark": CSS light-dark would
     say it once, but Safari before 17.5 and Firefox before 120 (in the support matrix) lack it. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --ferry-accent: #a8c7fa;
      --ferry-background: #1f1f1f;
      --ferry-foreground: #e3e3e3;
      --ferry-muted: #c4c7c5;
      --ferry-border: #8e918f;
      --ferry-error: #f2b8b5;
      --ferry-on-accent: #1f1f1f;
    }
  }
  :host([theme='dark']) {
    --ferry-accent: #a8c7fa;
    --ferry-background: #1f1f1f;
    --ferry-foreground: #e3e3e3;
    --ferry-muted: #c4c7c5;
    --ferry-border: #8e918f;
    --ferry-error: #f2b8b5;
    --ferry-on-accent: #1f1f1f;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
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
  summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--ferry-accent);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .dropzone {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    padding: calc(var(--ferry-gap) * 3) calc(var(--ferry-gap) * 2);
    border: 2px dashed var(--ferry-border);
    text-align: center;
  }
  [part~='dragover'] {
    border-color: var(--ferry-accent);
    border-style: solid;
    background: color-mix(in srgb, var(--ferry-accent) 12%, transparent);
  }
  .secondary,
  .primary {
    margin-block-start: var(--ferry-gap);
    margin-inline-end: var(--ferry-gap);
  }
  .primary {
    background: var(--ferry-accent);
    border-color: var(--ferry-accent);
    color: var(--ferry-on-accent);
  }
  ul {
    list-style: none;
    margin: var(--ferry-gap) 0 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: calc(var(--ferry-gap) / 2) var(--ferry-gap);
    align-items: center;
    padding: var(--ferry-gap) 0;
    border-block-end: 1px solid color-mix(in srgb, var(--ferry-border) 50%, transparent);
  }
  .thumb {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    grid-row: span 2;
    border-radius: calc(var(--ferry-radius) / 2);
    object-fit: cover;
  }
  .name {
    grid-column: 2;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--ferry-gap) / 2);
    justify-content: end;
  }
  .meta,
  .key,
  .error,
  details {
    grid-column: 2 / -1;
    font-size: 0.875em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--ferry-gap);
    color: var(--ferry-muted);
  }
  .key {
    overflow-wrap: anywhere;
  }
  a {
    color: var(--ferry-accent);
  }
  .error {
    color: var(--ferry-error);
  }
  details pre {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  dd {
    margin-inline-start: var(--ferry-gap);
  }
  .bar {
    grid-column: 2 / -1;
    block-size: 6px;
    border-radius: 3px;
    background: color-mix(in srgb, var(--ferry-border) 35%, transparent);
    overflow: hidden;
  }
  .bar > div {
    block-size: 100%;
    background: var(--ferry-accent);
  }
  .total {
    display: grid;
    gap: calc(var(--ferry-gap) / 2);
    margin-block-start: var(--ferry-gap);
  }
  .total .bar,
  .total .meta {
    grid-column: auto;
  }
  @container (max-width: 360px) {
    li {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .actions {
      grid-column: 2;
      justify-content: start;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar > div {
      transition: inline-size 0.2s linear;
    }
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
