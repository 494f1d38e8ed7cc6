export * from './errors.js';
export * from './events.js';
export * from './messages.js';
export * from './http.js';
