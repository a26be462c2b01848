import { css } from 'lit';

/**
 * Styles of the list of files and the total, and of the Upload button that comes with queued
 * files: added to the element's own when the list first loads.
 */
export const fileListStyles = css`
  a:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--ferry-accent);
    outline-offset: 2px;
  }
  summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  .primary {
    margin-block-start: var(--ferry-gap);
    margin-inline-end: var(--ferry-gap);
    background: var(--ferry-accent);
    border-color: var(--ferry-accent);
    color: var(--ferry-on-accent);
    font-weight: 600;
    padding-inline: calc(var(--ferry-gap) * 3);
  }
  /* A row's buttons a step smaller than its text, so the file leads (still 24 px targets). */
  .actions button {
    font-size: 0.875em;
    padding: 0.125rem var(--ferry-gap);
  }
  ul {
    list-style: none;
    margin: var(--ferry-gap) 0 0;
    padding: 0;
  }
  /* One grid for every row and the total: the visual, then the name's line and the text under it. */
  li,
  .total {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr);
    gap: calc(var(--ferry-gap) / 2) var(--ferry-gap);
    align-items: center;
    padding: var(--ferry-gap) 0;
  }
  li {
    border-block-end: 1px solid color-mix(in srgb, var(--ferry-border) 40%, transparent);
  }
  .visual {
    grid-row: span 2;
    align-self: start;
    display: grid;
    place-items: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    color: var(--ferry-muted);
    /* A tile the size of a thumbnail behind a type icon, so rows with and without one weigh alike. */
    border-radius: calc(var(--ferry-radius) / 2);
    background: color-mix(in srgb, var(--ferry-track) 70%, transparent);
  }
  .thumb {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: calc(var(--ferry-radius) / 2);
    object-fit: cover;
  }
  /* A mark is an icon() whose parts are "icon mark" (icon() sets parts, not classes). */
  [data-state='rejected'] .visual,
  [data-state='error'] .visual,
  [data-state='error'] [part~='mark'] {
    color: var(--ferry-error);
  }
  [data-state='done'] [part~='mark'] {
    color: var(--ferry-success);
  }
  [data-state='paused'] [part~='mark'] {
    color: var(--ferry-paused);
  }
  /* Beside the state's word, a mark the size of the text; a refused file's fills the visual's tile. */
  .status [part~='mark'] {
    inline-size: 1.1em;
    block-size: 1.1em;
    stroke-width: 2.5;
  }
  /*
   * The name and the row's buttons share a line while the name keeps 8 em beside them (a dozen
   * characters or so; in any language, at any width: the buttons' own length decides); otherwise the
   * buttons wrap under it, at the line's start.
   */
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--ferry-gap) / 2) var(--ferry-gap);
    min-inline-size: 0;
  }
  .line .name {
    flex: 1 1 8em;
  }
  .name {
    grid-column: 2;
    min-inline-size: 0;
    display: flex;
    overflow: hidden;
    white-space: nowrap;
    font-weight: 600;
  }
  /*
   * A long name gives way in the middle: the head shrinks to an ellipsis, the tail (the extension and
   * a few characters before it) never does. The pair sits at the row's start in the row's direction;
   * inside it, the name's own (dir=auto). pre keeps the spaces where head and tail meet.
   */
  .cut {
    display: flex;
    min-inline-size: 0;
  }
  .head,
  .tail {
    white-space: pre;
  }
  .head {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .tail {
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--ferry-gap) / 2);
    justify-content: end;
  }
  .meta,
  .note,
  .key,
  .error,
  details {
    grid-column: 2 / -1;
    font-size: 0.875em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--ferry-gap);
    color: var(--ferry-muted);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .key {
    overflow-wrap: anywhere;
    color: var(--ferry-muted);
  }
  a {
    color: var(--ferry-accent);
  }
  .error {
    color: var(--ferry-error);
  }
  details p,
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
    background: var(--ferry-track);
    overflow: hidden;
  }
  .bar > div {
    block-size: 100%;
    background: var(--ferry-accent);
  }
  [data-state='done'] .bar > div {
    background: var(--ferry-success);
  }
  [data-state='error'] .bar > div {
    background: var(--ferry-error);
  }
  [data-state='paused'] .bar > div {
    background: var(--ferry-paused);
  }
  .total {
    border-block-end: 0;
  }
  .total .visual {
    grid-row: auto;
    block-size: auto;
    background: none;
  }
  .total .meta {
    grid-column: 2 / -1;
  }
  .total [part~='mark'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    stroke-width: 2.5;
  }
  /* What happened leads the total's line, in the colour of its outcome when it has one. */
  .summary {
    font-weight: 600;
  }
  .total[data-state='error'] .summary {
    color: var(--ferry-error);
  }
  /* Forced colours (Windows High Contrast) paint every background Canvas: the bars keep system colours of their own. */
  @media (forced-colors: active) {
    .bar {
      forced-color-adjust: none;
      background: Canvas;
      outline: 1px solid CanvasText;
    }
    .bar > div,
    [data-state] .bar > div {
      background: Highlight;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar > div {
      transition: inline-size 0.2s linear;
    }
  }
`;
