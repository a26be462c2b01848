import { EndpointError, type EndpointOperation } from '../errors/endpoint-error.js';

/** Checks one endpoint response's shape field by field, naming the operation and field that failed. */
export class ResponseShape {
  readonly #operation: EndpointOperation;
  readonly #value: unknown;

  constructor(
    operation: EndpointOperation,
    value: unknown,
    private readonly path = 'response',
  ) {
    this.#operation = operation;
    this.#value = value;
  }

  #fail(expected: string, path: string): never {
    throw new EndpointError(this.#operation, `The endpoint's answer is malformed: ${path} should be ${expected}.`);
  }

  #field(name: string): unknown {
    if (typeof this.#value !== 'object' || this.#value === null || Array.isArray(this.#value)) {
      this.#fail('an object', this.path);
    }
    return (this.#value as Record<string, unknown>)[name];
  }

  /** A non-empty string field. */
  string(name: string): string {
    const value = this.#field(name);
    if (typeof value !== 'string' || value === '') this.#fail('a non-empty string', `${this.path}.${name}`);
    return value;
  }

  /** A string field that may be absent. */
  optionalString(name: string): string | undefined {
    const value = this.#field(name);
    return value === undefined || value === null ? undefined : this.string(name);
  }

  /** A finite number field. */
  number(name: string): number {
    const value = this.#field(name);
    if (typeof value !== 'number' || !Number.isFinite(value)) this.#fail('a number', `${this.path}.${name}`);
    return value;
  }

  /** A `{ [header]: string }` field; absent means none. */
  headers(name: string): Record<string, string> {
    const value = this.#field(name);
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) this.#fail('an object of strings', `${this.path}.${name}`);
    for (const [header, headerValue] of Object.entries(value)) {
      if (typeof headerValue !== 'string') this.#fail('a string', `${this.path}.${name}.${header}`);
    }
    return value as Record<string, string>;
  }

  /** An array field (or the value itself when `name` is omitted), each item checked by `item`. */
  array<T>(name: string | undefined, item: (shape: ResponseShape) => T): T[] {
    const value = name === undefined ? this.#value : this.#field(name);
    const path = name === undefined ? this.path : `${this.path}.${name}`;
    if (!Array.isArray(value)) this.#fail('an array', path);
    return value.map((entry, index) => item(new ResponseShape(this.#operation, entry, `${path}[${index}]`)));
  }
}
