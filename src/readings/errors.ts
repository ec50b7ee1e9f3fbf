/** The one error type readDocument throws for a file it cannot read; `message` is meant for the user. */

export type ReadingErrorCode = 'empty' | 'too-large' | 'zip-bomb' | 'encrypted' | 'no-text-layer' | 'no-text' | 'malformed' | 'unsupported';

export class ReadingError extends Error {
  override readonly name = 'ReadingError';
  constructor(
    readonly code: ReadingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** "63.2 MB", "812 KB": sizes as a person reads them in an error message. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

export const exactBytes = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

export const NOT_READABLE = 'not a document Sourcebook can read (it reads PDF, HTML, DOCX, EPUB, Markdown and plain text)';
