/**
 * The resolver the app defines its functions on: only keys it defined are dispatched.
 */
import Resolver from '@forge/resolver';
import { NotFoundError } from '../../common/errors';

/**
 * @forge/resolver finds a definition with `key in functions`, so `constructor`, `toString` or
 * `__proto__` would reach Object.prototype; only keys the app defined are dispatched.
 */
export class OwnKeysResolver extends Resolver {
  private readonly keys = new Set<string>();

  override define(functionKey: string, cb: Parameters<Resolver['define']>[1]): this {
    this.keys.add(functionKey);
    return super.define(functionKey, cb);
  }

  override getDefinitions(): ReturnType<Resolver['getDefinitions']> {
    const dispatch = super.getDefinitions();
    return async (request, backend) => {
      const functionKey: unknown = request.call.functionKey;
      if (typeof functionKey !== 'string' || !this.keys.has(functionKey)) {
        throw new NotFoundError(`There is no resolver function "${String(functionKey)}": name one the app defines.`);
      }
      return dispatch(request, backend);
    };
  }
}

