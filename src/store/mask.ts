/** A database URL as it may be printed: the password (in the authority or a `password=` parameter) masked. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][\w+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1:****@').replace(/([?&]password=)[^&#]*/gi, '$1****');
}
