// Backups (filled in below the priority-1 commit).
import type { FileStore } from './file-store';

export async function runDailyBackup(_store: FileStore): Promise<void> {}
