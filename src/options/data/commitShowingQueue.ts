// An archive import's commit with its first queue on the toolbar badge as the commit lands. The commit's transaction
// counts the queue as its last step (io/archiveCommit.ts); the badge is set from that moment, beside the transaction's
// own completion (IndexedDB writing tens of thousands of rows to disk), instead of after it. Should the commit fail
// after all, nothing it counted stands: the badge is set back from the database as it is (the worker's scan).
import type { TrustDb } from '../../db/database.ts';
import type { QueueBadge } from '../../db/queue.ts';
import { type ArchiveImportResult, commitArchive } from '../../io/archiveCommit.ts';
import type { ArchivePlan, Resolutions } from '../../io/archivePlan.ts';
import type { CommitProgress } from '../../io/importCommit.ts';
import type { ImportError } from '../../io/importErrors.ts';
import type { Result } from '../../io/result.ts';

export interface BadgeCalls {
  /** Shows the queue's counts on the toolbar badge (ui/data/toolbarBadge.ts showBadge). */
  show: (badge: QueueBadge) => Promise<unknown>;
  /** Sets the badge from the database again (ui/data/workerNotify.ts scanNow). */
  restore: () => Promise<unknown>;
}

export async function commitShowingQueue(
  tdb: TrustDb,
  plan: ArchivePlan,
  resolutions: Resolutions,
  badge: BadgeCalls,
  onProgress?: (progress: CommitProgress) => void,
  /** The commit landed (or failed); the badge may still be on its way (the bench times the two apart). */
  committed?: () => void,
): Promise<Result<ArchiveImportResult, ImportError>> {
  let shown: Promise<unknown> | undefined;
  const result = await commitArchive(tdb, plan, resolutions, onProgress, (counted) => {
    // Not awaited inside the transaction: a wait on anything but IndexedDB would let it commit early.
    shown = badge.show(counted).catch((error: unknown) =>
      // A badge that could not be set loses nothing: the worker's scan sets it next.
      console.warn('Trust Notes: could not show the badge after the import', error),
    );
  });
  committed?.();
  await shown;
  if (!result.ok && shown) await badge.restore();
  return result;
}
