import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface ReasonedWildcard {
  /** The resource exactly as granted (tokens allowed), e.g. `bucket.arnForObjects('reports/*')`. */
  readonly resource: string;
  readonly reason: string;
}

/**
 * Acknowledges AwsSolutions-IAM5 for these wildcard resources one by one, so a
 * wildcard added later still fails the synth until someone gives it a reason.
 */
export function acknowledgeWildcardResources(
  scope: IConstruct,
  wildcards: readonly ReasonedWildcard[],
): void {
  const stack = Stack.of(scope);
  for (const { resource, reason } of wildcards) {
    Validations.of(scope).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${flattenReference(stack.resolve(resource))}]`,
      reason,
    });
  }
}

/**
 * cdk-nag names a resource finding by flattening its CloudFormation expression
 * (`{"Fn::GetAtt":["Bucket","Arn"]}` → `<Bucket.Arn>`); this mirrors that
 * format, which the tests check against real findings.
 */
function flattenReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const fn = node as Record<string, unknown>;
    const join = fn['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return join[1].map(flattenReference).join(join[0]);
    }
    if ('Fn::Sub' in fn) return flattenReference(fn['Fn::Sub']);
    const getAtt = fn['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${flattenReference(getAtt[0])}.${flattenReference(getAtt[1])}>`;
    if ('Fn::ImportValue' in fn) return flattenReference(fn['Fn::ImportValue']);
    if ('Ref' in fn) return `<${flattenReference(fn.Ref)}>`;
  }
  return JSON.stringify(node);
}
