/*
 * openapi-backend requires @apidevtools/json-schema-ref-parser at load time, and that package is
 * ES-module-only, which jest (CommonJS on Node 20) cannot load. With an in-memory document and
 * `quick: true`, openapi-backend dereferences with its own synchronous helper and only calls the
 * ref parser's `parse`, which returns the document as given: this stand-in does exactly that.
 * jest.config.js maps the package here.
 */
const unused = async () => {
  throw new Error('json-schema-ref-parser is not available under jest; use quick mode with an in-memory document.');
};
module.exports = { __esModule: true, default: { parse: async (doc) => doc, dereference: unused, resolve: unused } };
