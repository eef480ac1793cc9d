import pkg from '../package.json' with { type: 'json' };

/** Name and version of this tool, stamped on every report it builds. */
export const GENERATOR = `${pkg.name}@${pkg.version}`;
