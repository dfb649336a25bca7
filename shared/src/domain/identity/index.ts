export * from './id-document-types';
export * from './id-document';
export * from './resident-id';
export * from './travel-documents';
export * from './person';
