export * from './errors';
export * from './schemas/common.schema';
export * from './schemas/auth.schema';
export * from './schemas/guide.schema';
export * from './schemas/catalogue.schema';
