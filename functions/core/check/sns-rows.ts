import type { CheckRow } from './check-row.js';

/** One subscription as SNS's ListSubscriptionsByTopic lists it. */
export interface TopicSubscription {
  readonly protocol: string;
  readonly endpoint: string;
  /** The subscription's ARN once confirmed; SNS lists `PendingConfirmation` until the link is clicked. */
  readonly subscriptionArn: string;
}

export const SNS_ROW_ITEM = 'SNS alarm subscription';

/** SNS's SubscriptionArn for a subscription whose confirmation link has not been followed. */
export const PENDING_CONFIRMATION = 'PendingConfirmation';

/**
 * The alarm topic's email subscription: ok once confirmed; a problem while pending or missing (an
 * alarm would reach nobody); not configured when the operator chose `alarmEmail: none`.
 */
export function snsRow(
  topicArn: string,
  alarmEmail: string | undefined,
  subscriptions: readonly TopicSubscription[],
): CheckRow {
  if (alarmEmail === undefined) {
    return {
      item: SNS_ROW_ITEM,
      status: 'not configured',
      found: 'alarmEmail is "none": alarms reach nobody by email',
      todo: `set alarmEmail and deploy, or subscribe to ${topicArn} yourself`,
    };
  }
  const wanted = alarmEmail.toLowerCase();
  const mine = subscriptions.filter((s) => s.protocol === 'email' && s.endpoint.toLowerCase() === wanted);
  if (mine.some((s) => s.subscriptionArn !== PENDING_CONFIRMATION)) {
    return { item: SNS_ROW_ITEM, status: 'ok', found: `${alarmEmail}: confirmed`, todo: '' };
  }
  if (mine.length > 0) {
    return {
      item: SNS_ROW_ITEM,
      status: 'problem',
      found: `${alarmEmail}: pending confirmation, so alarms are not delivered`,
      todo: `confirm the subscription: follow the link in the "AWS Notification - Subscription Confirmation" email sent to ${alarmEmail}`,
    };
  }
  return {
    item: SNS_ROW_ITEM,
    status: 'problem',
    found: `${alarmEmail} is not subscribed to ${topicArn}`,
    todo: `aws sns subscribe --topic-arn ${topicArn} --protocol email --notification-endpoint ${alarmEmail}, then confirm the email`,
  };
}
