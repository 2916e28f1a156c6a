// The public API's generated types and enum arrays, without the documents (light enough for any bundle).
export * from './generated/openapi.generated.js';
