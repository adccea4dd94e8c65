// Typed file-system failures (read-only, permission, disk full…): the path and what to do, never a 500.

/** `read_only`: the app may not write there; `fs_error`: anything else the disk refused. */
export type FileSystemErrorCode = 'read_only' | 'fs_error'

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM'])
const FS_CODES = new Set([
  ...READ_ONLY,
  'ENOSPC',
  'EDQUOT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'ENOTEMPTY',
  'EMFILE',
  'ENFILE',
  'EIO',
  'EBUSY',
  'ENAMETOOLONG',
  'ELOOP',
  'EFBIG',
  'EXDEV',
  'ETXTBSY',
])

/** A failed file operation, named by the user's path (not a temp file) with the next step. */
export class FileSystemError extends Error {
  readonly code: FileSystemErrorCode

  constructor(
    readonly path: string,
    /** The system error code: EROFS, EACCES, ENOSPC… */
    readonly errno: string,
    options?: { cause?: unknown },
  ) {
    super(describe(path, errno), options)
    this.name = 'FileSystemError'
    this.code = READ_ONLY.has(errno) ? 'read_only' : 'fs_error'
  }
}

function describe(path: string, errno: string): string {
  switch (errno) {
    case 'EROFS':
      return `Could not write ${path}: the workspace is on a read-only file system (EROFS). Open a writable copy of the workspace or remount it read-write, then try again.`
    case 'EACCES':
    case 'EPERM':
      return `Could not write ${path}: permission denied (${errno}). Give your user write access to the file and its folder, then try again.`
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not write ${path}: the disk is full (${errno}). Free some space, then try again.`
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return `Could not write ${path}: a file is where a folder should be, or a folder where a file should be (${errno}). Move it aside, then try again.`
    default:
      return `Could not write ${path} (${errno}). Check the disk and the file's permissions, then try again.`
  }
}

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' && FS_CODES.has(error.code) ? error.code : undefined
}

/**
 * The typed form of a Node file-system error (`path` names it when the error's own path is a temp
 * file), or undefined for anything else (network errors keep their own mapping).
 */
export function fileSystemErrorOf(error: unknown, path?: string): FileSystemError | undefined {
  if (error instanceof FileSystemError) return error
  const errno = errnoOf(error)
  if (errno === undefined) return undefined
  const own = (error as { path?: unknown }).path
  const where = path ?? (typeof own === 'string' ? own : 'a workspace file')
  return new FileSystemError(where, errno, { cause: error })
}
