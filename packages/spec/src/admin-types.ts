// The admin API's generated types and enum arrays, without the documents (light enough for any bundle).
export * from './generated/mock-admin.generated.js';
