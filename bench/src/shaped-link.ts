import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Runs this bench command again inside a network namespace of its own, where loopback is a
 * link of `mbit` Mbit/s: a tbf qdisc (netem does not exist in this kernel; the sink adds the
 * latency) and a 1500-byte MTU, as on an Ethernet uplink, not loopback's 64 KiB frames. Only
 * the bench's own traffic crosses it. Needs root (`ip netns`). Resolves the run's exit code.
 */
export async function runInShapedLink(mbit: number): Promise<number> {
  const name = `ferry-bench-${process.pid}`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'inherit' });
  ip('netns', 'add', name);
  try {
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'mtu', '1500', 'up');
    // With loopback alone browsers report navigator.onLine false, and uploaders that honour it
    // (Ferry, Uppy) wait for a network. A veth pair inside the namespace makes one appear to
    // Chromium; WebKit (GNetworkMonitor) wants a default route too: an IPv6 one onto the pair.
    // Nothing leaves the namespace: the pair's other end is in it, and it has no addresses but
    // link-local ones.
    ip('netns', 'exec', name, 'ip', 'link', 'add', 'ferry0', 'type', 'veth', 'peer', 'name', 'ferry1');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'ferry0', 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'ferry1', 'up');
    ip('netns', 'exec', name, 'ip', '-6', 'route', 'add', 'default', 'dev', 'ferry0');
    ip(
      'netns',
      'exec',
      name,
      'tc',
      'qdisc',
      'add',
      'dev',
      'lo',
      'root',
      'tbf',
      'rate',
      `${mbit}mbit`,
      'burst',
      '32kb',
      'latency',
      '400ms',
    );
    const run = spawn('ip', ['netns', 'exec', name, process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, FERRY_BENCH_NETNS: name },
    });
    // Interrupted: the run inside stops, and the namespace still goes (finally, below).
    const stop = (signal: NodeJS.Signals) => run.kill(signal);
    process.on('SIGINT', stop).on('SIGTERM', stop);
    const [code] = (await once(run, 'exit')) as [number | null];
    process.off('SIGINT', stop).off('SIGTERM', stop);
    return code ?? 1;
  } finally {
    ip('netns', 'del', name);
  }
}
