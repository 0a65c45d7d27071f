import { Dexie } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A number that goes up after the database is written, from this page or any other extension context
 * (Dexie broadcasts its storagemutated event across them), at most once per `intervalMs`. For what is
 * read again after writes but is no query of the data, such as the space it takes: an import or a scan
 * writes in bursts, and a live query over whole tables restarts on every write and never settles.
 */
export function useWriteCount(intervalMs = 1000): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onWrite = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setCount((c) => c + 1);
      }, intervalMs);
    };
    Dexie.on.storagemutated.subscribe(onWrite);
    return () => {
      Dexie.on.storagemutated.unsubscribe(onWrite);
      clearTimeout(timer);
    };
  }, [intervalMs]);
  return count;
}
