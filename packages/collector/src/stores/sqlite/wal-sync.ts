import { type FileHandle, open } from 'node:fs/promises'

/**
 * fsync of a SQLite database's write-ahead log, off the calling thread (libuv's pool).
 *
 * With `synchronous=FULL` in WAL mode, SQLite's only extra step over `NORMAL` is an fsync
 * of the WAL at each COMMIT (https://sqlite.org/pragma.html#pragma_synchronous), and it
 * blocks the thread during it. Running the connection in `NORMAL` and calling this after
 * each COMMIT, before acknowledging, gives the same durability for acknowledged writes,
 * while the event loop goes on parsing requests instead of waiting for the disk.
 * Checkpoints keep their own fsyncs under `NORMAL`.
 *
 * @example
 * const walSync = new WalSync('./data/sillage.db')
 * db.exec('COMMIT'); await walSync.sync(); acknowledge()
 */
export class WalSync {
  private file: Promise<FileHandle> | null = null

  constructor(private readonly databasePath: string) {}

  /** Resolves once everything written to the WAL so far is on disk. */
  async sync(): Promise<void> {
    // Opened on first use: the WAL file exists once a transaction committed. It is never
    // replaced while this connection stays open (SQLite rewinds it in place).
    this.file ??= open(`${this.databasePath}-wal`, 'r+')
    try {
      await (await this.file).sync()
    } catch (error) {
      this.file = null // opened again next time, e.g. after the disk came back
      throw error
    }
  }

  async close(): Promise<void> {
    const file = this.file
    this.file = null
    await (await file?.catch(() => null))?.close()
  }
}
