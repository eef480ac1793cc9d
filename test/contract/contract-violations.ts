/** The violations seen during the current test, and whether it asked to serve off-contract data. */
export const contractState = { violations: [] as string[], offContractAnswersAllowed: false };

/**
 * For a test that makes a fake serve what the vendor's contract forbids (negative ACUs, a broken
 * page) to check that the client refuses it: the fake's answers are not checked until the test
 * ends. The client's requests still are.
 */
export function allowOffContractAnswers(): void {
  contractState.offContractAnswersAllowed = true;
}
