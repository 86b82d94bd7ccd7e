export * from './locales';
export * from './slug';
export * from './content-types';
export * from './content';
export * from './webhook';
export * from './office-time';
export * from './preview-token';
export * from './retired';
