// Writing files so that what was written survives a crash or a power cut: data flushed to the
// disk (fsync) before it counts, a file replaced by renaming a flushed temporary over it, and the
// folder flushed after a file appears in it or is renamed (else the new name itself may be lost).
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes a folder's entries (new, renamed or removed files) to the disk. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `data`, atomically and durably: a reader sees the old file or the new one, never a mix. */
export async function replaceDurably(path: string, data: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncFolder(dirname(path));
}

/** Appends `data` to `path` and flushes it; `created` says the file is new (its folder is flushed too). */
export async function appendDurably(path: string, data: string, created: boolean): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.writeFile(data);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (created) await syncFolder(dirname(path));
}
