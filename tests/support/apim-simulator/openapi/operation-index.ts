import { type LoadedDocument, type OperationSpec, operationsOf } from './operation-spec.ts';
import { matchRoute } from './route-template.ts';

/** Result of looking a request up: the operation, or whether the path exists under another method. */
export type RouteMatch =
  | { readonly operation: OperationSpec; readonly pathParams: Record<string, string> }
  | { readonly operation: undefined; readonly pathKnown: boolean };

/** Route table over every operation of the loaded documents. */
export class OperationIndex {
  private readonly operations: OperationSpec[];

  constructor(documents: readonly LoadedDocument[]) {
    // Literal segments must win over parameters (`/apis/_import` before `/apis/{hrid}`).
    this.operations = documents
      .flatMap(operationsOf)
      .sort((a, b) => a.route.parameterNames.length - b.route.parameterNames.length);
  }

  /** Finds the operation serving `method` on `pathname` (a path relative to the mount prefix). */
  find(method: string, pathname: string): RouteMatch {
    let pathKnown = false;
    for (const operation of this.operations) {
      const pathParams = matchRoute(operation.route, pathname);
      if (pathParams === undefined) {
        continue;
      }
      if (operation.method === method) {
        return { operation, pathParams };
      }
      pathKnown = true;
    }
    return { operation: undefined, pathKnown };
  }
}
