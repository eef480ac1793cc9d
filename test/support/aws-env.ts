/** Set by a developer's shell, these would send emulator calls to a real account's profile. */
const MASKED = ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL'];

/**
 * Points the SDK's standard configuration at the emulators, as the Lambda's
 * environment does in production; returns the function that restores the
 * previous environment.
 */
export function useAwsEnv(env: Readonly<Record<string, string>>): () => void {
  const names = [...new Set([...MASKED, ...Object.keys(env)])];
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  for (const name of MASKED) delete process.env[name];
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
