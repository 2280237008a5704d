import { version } from '../package.json';

/** This package's version, sent with every request so the API can refuse one it no longer supports. */
export const CLIENT_VERSION: string = version;
