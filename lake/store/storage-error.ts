import {LakeError} from '../errors.ts'

type SqliteError = Error & {code?: string; errcode?: number; errstr?: string}

// Primary SQLite result codes (the low byte of an extended code).
const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6
const SQLITE_READONLY = 8
const SQLITE_IOERR = 10
const SQLITE_CORRUPT = 11
const SQLITE_FULL = 13
const SQLITE_CANTOPEN = 14
const SQLITE_CONSTRAINT = 19

/** A 409 for a transaction id the dataset has already committed. */
export function transactionIdUsed(what: string): LakeError {
  return new LakeError(
    409,
    'conflict',
    `Cannot ${what}: a transaction with this id was already committed, expected a new transactionId per transaction (a retry whose first attempt committed can tell by the documents' _rev)`,
  )
}

/**
 * What a failed SQLite write means for the client, as a 5xx that names the file and the cause:
 * 507 for a full disk, 503 for a file another process holds locked (worth retrying), 500 for a
 * read-only file, an I/O error or corruption. Nothing of the transaction was written in any case.
 */
export function storageError(error: unknown, file: string, what: string): LakeError {
  if (error instanceof LakeError) return error
  const sqlite = error as SqliteError
  const code = typeof sqlite?.errcode === 'number' ? sqlite.errcode & 0xff : null
  const cause = sqlite?.errstr ?? (error instanceof Error ? error.message : String(error))
  const nothing = 'nothing of it was written'
  switch (code) {
    case SQLITE_CONSTRAINT:
      // Only a reused transaction id can break a constraint: documents are upserted by id.
      if (/transactions\.id/.test(sqlite.message)) return transactionIdUsed(what)
      return new LakeError(500, 'internalError', `Cannot ${what}: ${sqlite.message}; ${nothing}`)
    case SQLITE_FULL:
      return new LakeError(
        507,
        'insufficientStorage',
        `Cannot ${what}: the disk holding ${file} is full (${cause}); ${nothing}. Free disk space, then retry`,
      )
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new LakeError(
        503,
        'serviceUnavailable',
        `Cannot ${what}: ${file} is locked by another process (${cause}); ${nothing}. Retry, and check that no other program writes to the lake folder`,
      )
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return new LakeError(
        500,
        'storageError',
        `Cannot ${what}: ${file} cannot be written (${cause}); ${nothing}. Make the data folder writable by the lake's user and restart the lake`,
      )
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
      return new LakeError(
        500,
        'storageError',
        `Cannot ${what}: reading or writing ${file} failed (${cause}); ${nothing}. Check the disk, and restore the file from a backup if it is damaged`,
      )
    default:
      return new LakeError(500, 'internalError', `Cannot ${what}: ${cause}; ${nothing}`)
  }
}
