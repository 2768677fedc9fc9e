export * from './lists';
export * from './sheets';
export * from './rows';
