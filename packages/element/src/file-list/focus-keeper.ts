import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus was before a render, to put it back near there if the render took it away. */
interface FocusWas {
  readonly element: Element;
  readonly row: string | null | undefined;
  readonly index: number;
}

const ROW = '[part~=row]';

/**
 * Keeps focus in the widget when a render takes the focused control away (a row removed, Cancel
 * turned into Remove, the Upload button gone): it goes to that row's first button, else the row
 * now at its place or the one before, else `fallback` (the drop zone), never to the page's body.
 * Only rows and the buttons that come with them go away, so it comes with the list's module.
 *
 * @example
 * ```ts
 * host.addController(new FocusKeeper(host, () => dropzone));
 * ```
 */
export class FocusKeeper implements ReactiveController {
  private was: FocusWas | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly fallback: () => HTMLElement,
  ) {}

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement;
    const row = active?.closest(ROW);
    this.was = active
      ? { element: active, row: row?.getAttribute('data-id'), index: row ? this.rows().indexOf(row) : 0 }
      : undefined;
  }

  hostUpdated(): void {
    const was = this.was;
    this.was = undefined;
    if (!was || was.element.isConnected || this.host.shadowRoot?.activeElement) return;
    const rows = this.rows();
    const row =
      rows.find((each) => each.getAttribute('data-id') === was.row) ?? rows[Math.min(was.index, rows.length - 1)];
    (row?.querySelector('button') ?? this.fallback()).focus();
  }

  private rows(): Element[] {
    return [...(this.host.shadowRoot?.querySelectorAll(ROW) ?? [])];
  }
}
