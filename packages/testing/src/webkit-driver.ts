import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A running `WebKitWebDriver` on its own virtual display. */
export interface WebKitDriver {
  /** The loopback port WebKitWebDriver serves WebDriver classic on. */
  readonly port: number;
  /** The X display it draws on (`:N`). */
  readonly display: string;
  /** Stops the driver and the display. */
  stop(): Promise<void>;
}

/**
 * Starts Xvfb on a free display (it picks one and tells it through `-displayfd`) and
 * `WebKitWebDriver` on a free port, and resolves once the driver answers `/status`.
 * MiniBrowser needs a display even when nobody looks at it.
 */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = `:${(await firstLine(xvfb, 3, 'Xvfb')).trim()}`;
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Read, or a full pipe would block the driver (MiniBrowser's GTK warnings go there too).
  const driverErrors = tail(driver);
  const stop = async (): Promise<void> => {
    await Promise.all([end(driver), end(xvfb)]);
  };
  try {
    await untilAnswers(`http://127.0.0.1:${port}/status`, driver, driverErrors);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, display, stop };
}

/** The first line a child writes on file descriptor `fd`, or its stderr when it dies first. */
function firstLine(child: ChildProcess, fd: number, name: string): Promise<string> {
  const errors = tail(child);
  return new Promise((resolve, reject) => {
    let line = '';
    const stream = child.stdio[fd] as NodeJS.ReadableStream;
    stream.on('data', (chunk: Buffer) => {
      line += chunk.toString();
      if (line.includes('\n')) resolve(line);
    });
    child.once('error', (error) => reject(new Error(`${name} could not start (is it installed?): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${errors()}`)));
  });
}

/** Keeps reading a child's stderr, holding only its last 4 KB (for error messages). */
function tail(child: ChildProcess): () => string {
  let kept = '';
  child.stderr?.on('data', (chunk: Buffer) => (kept = (kept + chunk.toString()).slice(-4096)));
  return () => kept;
}

async function untilAnswers(url: string, child: ChildProcess, errors: () => string): Promise<void> {
  let exited: string | undefined;
  child.once('error', (error) => (exited = error.message));
  child.once('exit', (code) => (exited = `exit code ${code}`));
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (exited)
      throw new Error(`WebKitWebDriver could not start (is webkit2gtk-driver installed?): ${exited} ${errors()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer ${url} within 20 s.`);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
