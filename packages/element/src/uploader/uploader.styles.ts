import { css } from 'lit';

/** Styles of `<ferry-uploader>`; themable through the `--ferry-*` properties on `:host`. */
export const uploaderStyles = css`
  :host {
    --ferry-accent: #0b57d0;
    --ferry-border: #8a8f98;
    --ferry-error: #b3261e;
    --ferry-radius: 8px;
    display: block;
    font: inherit;
    color: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  .dropzone {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    padding: 1.5rem 1rem;
    border: 2px dashed var(--ferry-border);
    border-radius: var(--ferry-radius);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
    text-align: center;
  }
  .dropzone:focus-visible {
    outline: 3px solid var(--ferry-accent);
    outline-offset: 2px;
  }
  .dropzone.dragover {
    border-color: var(--ferry-accent);
    background: color-mix(in srgb, var(--ferry-accent) 8%, transparent);
  }
  ul {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.5rem 0;
    border-block-end: 1px solid color-mix(in srgb, var(--ferry-border) 40%, transparent);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .meta {
    grid-column: 1 / -1;
    display: flex;
    gap: 0.75rem;
    font-size: 0.875em;
  }
  .error {
    color: var(--ferry-error);
  }
  .bar {
    grid-column: 1 / -1;
    block-size: 6px;
    border-radius: 3px;
    background: color-mix(in srgb, var(--ferry-border) 30%, transparent);
    overflow: hidden;
  }
  .bar > div {
    block-size: 100%;
    background: var(--ferry-accent);
  }
  button.action {
    font: inherit;
    padding: 0.25rem 0.75rem;
    border-radius: var(--ferry-radius);
    border: 1px solid var(--ferry-border);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.action:focus-visible {
    outline: 3px solid var(--ferry-accent);
    outline-offset: 1px;
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
