import { pointerSegment } from '../../sync/resolution.ts';

/** A field of a spec, addressed for the machine (JSON pointer) and for people (dotted path). */
export interface SpecLocation {
  /** `/spec/settings/tls/clientCertificates/0/content` */
  pointer: string;
  /** `spec.settings.tls.clientCertificates[0].content` */
  field: string;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The location of `path` inside a spec. Numeric segments under an array read as indexes; keys that are not
 * plain words are quoted (`configuration["x.y"]`).
 */
export function specLocation(path: ReadonlyArray<string | number>): SpecLocation {
  let field = 'spec';
  for (const segment of path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    else field += PLAIN_KEY.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  const pointer = `/spec${path.map((segment) => `/${pointerSegment(String(segment))}`).join('')}`;
  return { pointer, field };
}
