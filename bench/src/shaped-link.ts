import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Runs this bench command again inside a network namespace of its own, where loopback is a
 * link of `mbit` Mbit/s: a tbf qdisc (netem does not exist in this kernel; the sink adds the
 * latency) and a 1500-byte MTU, as on an Ethernet uplink, not loopback's 64 KiB frames. Only
 * the bench's own traffic crosses it. Needs root (`ip netns`). Resolves the run's exit code.
 */
export function runInShapedLink(mbit: number): number {
  const name = `ferry-bench-${process.pid}`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'inherit' });
  ip('netns', 'add', name);
  try {
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'mtu', '1500', 'up');
    // With loopback alone Chromium reports navigator.onLine false, and uploaders wait for a
    // network: a veth pair inside the namespace (link-local only, no traffic) makes one appear.
    ip('netns', 'exec', name, 'ip', 'link', 'add', 'ferry0', 'type', 'veth', 'peer', 'name', 'ferry1');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'ferry0', 'up');
    ip('netns', 'exec', name, 'ip', 'link', 'set', 'ferry1', 'up');
    ip('netns', 'exec', name, 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'tbf', 'rate', `${mbit}mbit`, 'burst', '32kb', 'latency', '400ms');
    const run = spawnSync('ip', ['netns', 'exec', name, process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, FERRY_BENCH_NETNS: name },
    });
    return run.status ?? 1;
  } finally {
    ip('netns', 'del', name);
  }
}
