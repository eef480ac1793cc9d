import { ListSubscriptionsByTopicCommand, type SNSClient } from '@aws-sdk/client-sns';
import { describeError } from '#aws/aws-errors.js';
import type { CheckRow } from '#core/check/check-row.js';
import { SNS_ROW_ITEM, snsRow, type TopicSubscription } from '#core/check/sns-rows.js';

/**
 * The alarm topic's subscriptions, every page of ListSubscriptionsByTopic (100 a page), into the
 * SNS row. Read-only; a refused or failed call is a problem row, never a thrown error.
 */
export async function checkSns(
  sns: SNSClient,
  topicArn: string | undefined,
  alarmEmail: string | undefined,
): Promise<CheckRow> {
  if (topicArn === undefined) {
    return {
      item: SNS_ROW_ITEM,
      status: 'not checked',
      found: 'no alarm topic given',
      todo: 'pass --alarm-topic <stack output AlarmTopicArn> (or ALARM_TOPIC_ARN)',
    };
  }
  // Nothing to ask when no email was configured: the row says so without a call.
  if (alarmEmail === undefined) return snsRow(topicArn, undefined, []);
  try {
    const subscriptions: TopicSubscription[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sns.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }),
      );
      for (const s of page.Subscriptions ?? []) {
        subscriptions.push({
          protocol: s.Protocol ?? '',
          endpoint: s.Endpoint ?? '',
          subscriptionArn: s.SubscriptionArn ?? '',
        });
      }
      nextToken = page.NextToken;
    } while (nextToken !== undefined && nextToken !== '');
    return snsRow(topicArn, alarmEmail, subscriptions);
  } catch (error) {
    return {
      item: SNS_ROW_ITEM,
      status: 'problem',
      found: `SNS could not be asked: ${describeError(error)}`,
      todo: `the role needs sns:ListSubscriptionsByTopic on ${topicArn}; check the region`,
    };
  }
}
