import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { ChargebackStack } from '../../../infra/chargeback-stack.js';
import { readConfig } from '../../../infra/config.js';

/** A stand-in entry: template tests check the infrastructure, not the handler's code. */
export const FIXTURE_ENTRY = fileURLToPath(new URL('../fixtures/handler.ts', import.meta.url));

export const MINIMAL_CONTEXT = {
  recipients: 'finance@example.com',
  sender: 'reports@example.com',
  acuPrice: '2.25',
  // The explicit opt-out, so the template tests see a stack with no alarm subscriber.
  alarmEmail: 'none',
} as const;

/** The context of cdk.json, so tests see the same defaults and feature flags as `cdk synth`. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** The stack as the app builds it, from context (as `-c key=value` would give it), without bundling. */
export function buildStack(context: Record<string, unknown> = {}): { app: App; stack: ChargebackStack } {
  const app = new App({
    context: { ...cdkJsonContext(), ...MINIMAL_CONTEXT, ...context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new ChargebackStack(app, 'DevinChargeback', {
    config: readConfig(app),
    handlerEntry: FIXTURE_ENTRY,
    linkHandlerEntry: FIXTURE_ENTRY,
  });
  return { app, stack };
}
