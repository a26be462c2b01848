import { ferry, raw, uppy, type Client, type RunOptions } from './clients.js';
import { measure, type Measured } from './measure.js';

// ferry-sum is Ferry with the run's checksums (RunOptions.checksums) on; ferry-read is Ferry reading
// each part a second time without hashing it (RunOptions.readOnly).
const clients: Record<string, Client> = { raw, uppy, ferry, 'ferry-sum': ferry, 'ferry-read': ferry };

declare global {
  interface Window {
    bench: { run(client: string, options: RunOptions): Promise<Measured> };
  }
}

window.bench = {
  async run(name, options) {
    const files = [...(document.querySelector<HTMLInputElement>('#files')!.files ?? [])];
    const client = clients[name];
    if (!client) throw new Error(`no client ${name}`);
    return measure(() => client(files, options));
  },
};
