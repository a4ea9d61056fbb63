/**
 * Waits until `condition` holds, checking every few milliseconds. The limit is only a safety net
 * against a hung test (it never decides a pass); not part of the package API.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  limitMs = 4000,
): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Counts of the open sockets, servers and timers of this process. */
function openHandles(): { sockets: number; timers: number } {
  const info = process.getActiveResourcesInfo();
  return {
    sockets: info.filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap').length,
    timers: info.filter((r) => r === 'Timeout').length,
  };
}

/**
 * Checks that a test file leaves no socket, server or timer behind: call `baseline()` in
 * `beforeAll` and `check()` in `afterAll`.
 */
export function leakCheck(): { baseline(): void; check(): Promise<void> } {
  let timers = 0;
  return {
    baseline() {
      timers = openHandles().timers;
    },
    async check() {
      await waitFor(() => {
        const now = openHandles();
        return now.sockets === 0 && now.timers <= timers;
      }, 'sockets and timers to close');
    },
  };
}
