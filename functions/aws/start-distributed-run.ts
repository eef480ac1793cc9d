import { ExecutionAlreadyExists, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type DistributedRun, distributedRunJson } from '#distributed/distributed-run.js';
import { describeError } from './aws-errors.js';

/** Step Functions refused to start the run's execution: the report was neither run nor handed over. */
export class HandOverError extends Error {
  override readonly name = 'HandOverError';
}

/**
 * Starts the distributed run's execution, named after the run id: a second start of the same run
 * (a retried invocation) is refused as already existing rather than starting the work twice.
 */
export function startDistributedRun(sfn: SFNClient, stateMachineArn: string) {
  return async (run: DistributedRun): Promise<string> => {
    try {
      const response = await sfn.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: run.runId,
          input: JSON.stringify(distributedRunJson(run)),
        }),
      );
      if (!response.executionArn) throw new Error('Step Functions returned no execution ARN');
      return response.executionArn;
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) {
        return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${run.runId}`;
      }
      throw new HandOverError(
        `could not start the distributed run ${run.runId} on ${stateMachineArn}: ${describeError(error)}`,
        { cause: error },
      );
    }
  };
}
