import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostLink } from '../existing/host-link.js';
import { withCheckStrings } from '../translations/en-checks.js';
import {
  maxFilesValidator,
  maxTotalSizeValidator,
  pendingValidator,
  requiredValidator,
  type Invalid,
  type ValidationInput,
  type Validator,
} from './validators.js';

/** What the form controller reads from its element after each update. */
export interface FormInput extends ValidationInput {
  /** The field's name: each key is one `FormData` entry under it ('' submits nothing). */
  readonly name: string;
  /** Where the browser points when it reports the element invalid (the drop zone). */
  readonly anchor: HTMLElement;
  /** The entries to submit under `name` instead of one per key (existing files: kept, added, removed). */
  readonly entries?: ((name: string) => readonly (readonly [string, string])[]) | undefined;
  /** Called with the keys the form's data just carried (a submit, `new FormData(form)`). */
  readonly sent?: ((keys: readonly string[]) => void) | undefined;
}

/**
 * What `<ferry-uploader>` gives the form now: its uploads and existing files, value, settings,
 * strings, and its drop zone to point at.
 * @example
 * ```ts
 * new FormController(host, internals, () => formInputOf(link));
 * ```
 */
export function formInputOf(link: HostLink): FormInput {
  const { host, uploads } = link;
  return {
    uploads: uploads.uploads,
    keys: host.keys,
    name: host.name,
    required: host.required,
    maxFiles: host.maxFiles,
    maxTotalSize: host.maxTotalSize,
    t: withCheckStrings(link.t()),
    locale: link.locale(),
    anchor: link.dropzone(),
    // A reset with delete-on-remove must not delete what a save may have recorded.
    sent: (keys) => {
      for (const key of keys) link.sent.add(key);
    },
    ...link.forms()?.form(uploads.uploads),
  };
}

/** The element's rules, in the order their messages win. */
const VALIDATORS: readonly Validator[] = [
  pendingValidator(),
  requiredValidator(),
  maxFilesValidator(),
  maxTotalSizeValidator(),
];

function firstBroken(input: ValidationInput): Invalid | undefined {
  for (const validator of VALIDATORS) {
    const invalid = validator.check(input);
    if (invalid) return invalid;
  }
  return undefined;
}

/**
 * Makes a form-associated element's value and validity follow its uploads: after each update the
 * value is the stored keys (one `FormData` entry each under `name`; a `change` event when it
 * changed), and the validity is the first rule broken (uploads still running, `required`,
 * `max-files`, `max-total-size`), so `form.checkValidity()` and submit see it.
 *
 * @example
 * ```ts
 * this.addController(new FormController(this, this.attachInternals(), () => formInputOf(this.link)));
 * ```
 */
export class FormController implements ReactiveController {
  /**
   * The keys and name last given to the form, to set the value and fire `change` only on a
   * change. Empty at first: the element loads this controller when it has a file or is
   * `required`, and until then it submitted nothing.
   */
  private keys = '';
  private name = '';
  /**
   * Where it hears `formdata`, while connected: its tree's root, in the capture phase, so that a
   * form owner that changes (a `form` attribute, a form inserted later) is followed without
   * rebinding; only the owner's own event counts.
   */
  private root: Node | undefined;
  private readonly onFormData = (event: Event) => {
    if (event.target === this.internals.form) this.input().sent?.(this.keys ? this.keys.split('\n') : []);
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly internals: ElementInternals,
    private readonly input: () => FormInput,
  ) {}

  hostConnected(): void {
    this.root = this.host.getRootNode();
    this.root.addEventListener('formdata', this.onFormData, true);
  }

  hostDisconnected(): void {
    this.root?.removeEventListener('formdata', this.onFormData, true);
    this.root = undefined;
  }

  hostUpdated(): void {
    const input = this.input();
    const keys = input.keys.join('\n');
    if (keys !== this.keys || input.name !== this.name) {
      const changed = keys !== this.keys;
      this.keys = keys;
      this.name = input.name;
      const data = new FormData();
      if (input.name)
        for (const [field, key] of input.entries?.(input.name) ?? input.keys.map((key) => [input.name, key]))
          data.append(field, key);
      this.internals.setFormValue(data);
      // `input` too, as native file inputs fire it: Vue's v-model listens for it.
      if (changed) for (const type of ['input', 'change']) this.host.dispatchEvent(new Event(type, { bubbles: true }));
    }
    const invalid = firstBroken(input);
    if (invalid) this.internals.setValidity(invalid.flags, invalid.message, input.anchor);
    else this.internals.setValidity({});
  }
}
