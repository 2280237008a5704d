export * from './enums';
export * from './teams';
export * from './models';
export * from './versions';
export * from './tokens';
export * from './audit';
export * from './rate-limits';
export * from './denials';
