/**
 * Reads that arrive while the same read is running share it instead of each running their
 * own: under a rush (2 000 people registering or booking at once) thousands of identical
 * queries become a handful. What a caller gets was read no earlier than its own arrival, so it
 * is as fresh as a query of its own would be. Callers must treat the shared result as read-only,
 * and must not use it for a read inside a transaction (that read belongs to the transaction).
 */
export function singleFlight<A extends unknown[], V>(keyOf: (...args: A) => string, read: (...args: A) => Promise<V>): (...args: A) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  return (...args: A) => {
    const key = keyOf(...args);
    const pending = running.get(key);
    if (pending) return pending;
    const started = read(...args).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
