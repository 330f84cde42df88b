/** A compiled OpenAPI path template such as `/automation/organizations/{orgId}/environments/{envId}/apis`. */
export interface RouteTemplate {
  readonly template: string;
  readonly parameterNames: readonly string[];
  readonly pattern: RegExp;
}

/** Compiles a path template; each `{name}` matches exactly one non-empty path segment. */
export function compileRouteTemplate(template: string): RouteTemplate {
  const parameterNames: string[] = [];
  const source = template.replace(/\{([^}]+)\}|[^{]+/g, (token, name: string | undefined) => {
    if (name !== undefined) {
      parameterNames.push(name);
      return '([^/]+)';
    }
    return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { template, parameterNames, pattern: new RegExp(`^${source}$`) };
}

/** The decoded path parameters when `pathname` matches the template, otherwise `undefined`. */
export function matchRoute(route: RouteTemplate, pathname: string): Record<string, string> | undefined {
  const match = route.pattern.exec(pathname);
  if (!match) {
    return undefined;
  }
  const parameters: Record<string, string> = {};
  try {
    route.parameterNames.forEach((name, index) => {
      parameters[name] = decodeURIComponent(match[index + 1] ?? '');
    });
  } catch {
    // A malformed percent-encoding cannot name any resource.
    return undefined;
  }
  return parameters;
}
