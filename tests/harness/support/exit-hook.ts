/**
 * Kills registered child process groups when this Node process goes away without stopping them: on
 * `exit` (synchronously, the only thing an exit listener can do), and on SIGINT/SIGTERM/SIGHUP when nobody
 * else handles the signal (by default Node dies on those without running `exit` listeners). One set of
 * listeners serves every registration, so many servers do not pile up listeners.
 * A SIGKILL of this process cannot be intercepted; children then survive and must be cleaned up by hand.
 */
const groups = new Set<number>();
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Sends `signal` to the whole process group led by `pid`; false when the group no longer exists. */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // ESRCH: every member is gone already.
    return false;
  }
}

function killAll(): void {
  for (const pid of groups) signalProcessGroup(pid, 'SIGKILL');
  groups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else (a CLI's graceful shutdown, the test runner) owns this signal: let them stop the
  // children; the exit listener still catches whatever they leave behind.
  if (process.listenerCount(signal) > 1) return;
  killAll();
  uninstall();
  // Re-raise with no handler left, so the process dies the way it was asked to.
  process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', killAll);
  for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', killAll);
  for (const signal of signals) process.off(signal, onSignal);
}

/**
 * Registers the process group led by `pid` (a child spawned with `detached: true`) to be SIGKILLed if this
 * process exits first. Returns the function that unregisters it, to call once the child is known dead.
 */
export function killGroupOnExit(pid: number): () => void {
  if (groups.size === 0) install();
  groups.add(pid);
  return () => {
    if (groups.delete(pid) && groups.size === 0) uninstall();
  };
}
