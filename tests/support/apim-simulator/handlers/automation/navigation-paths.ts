/**
 * Severe errors APIM's navigation path checks give for `path` (next-gen portal navigation, listing
 * locations, documentation and link locations): it must be non-blank, start with `/`, have no empty or
 * `..` segment and no trailing `/`. `field` names the offending member in the messages.
 */
export function navigationPathErrors(path: string, field: string): string[] {
  if (path.trim() === '') {
    return [`${field} must not be empty`];
  }
  const errors: string[] = [];
  if (!path.startsWith('/')) {
    errors.push(`${field} must start with '/' (was: ${path})`);
  }
  if (path.includes('//')) {
    errors.push(`${field} must not contain consecutive '/' (was: ${path})`);
  }
  if (path.includes('..')) {
    errors.push(`${field} must not contain '..' (was: ${path})`);
  }
  if (path.length > 1 && path.endsWith('/')) {
    errors.push(`${field} must not end with '/' (was: ${path})`);
  }
  return errors;
}
