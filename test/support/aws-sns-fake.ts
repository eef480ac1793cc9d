import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './aws-loopback.js';

/**
 * A loopback stand-in for the one SNS read the deployment check makes, ListSubscriptionsByTopic,
 * on SNS's Query wire format (form-encoded POST, XML answer), so the SDK under test talks real
 * HTTP. The emulators (aws-emulators.ts) have no SNS. A subscription whose link was not followed
 * is listed with SubscriptionArn `PendingConfirmation`; an unknown topic is a 404 NotFound.
 * https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptionsByTopic.html
 * https://docs.aws.amazon.com/sns/latest/api/CommonErrors.html
 */
export interface SnsFake {
  readonly endpoint: string;
  /** Topic ARN → its subscriptions; a topic absent here does not exist. */
  readonly topics: Map<string, FakeSubscription[]>;
  /** The TopicArn of each ListSubscriptionsByTopic asked, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

export interface FakeSubscription {
  readonly protocol: string;
  readonly endpoint: string;
  /** `PendingConfirmation` until confirmed, as SNS lists it. */
  readonly subscriptionArn: string;
}

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export async function startSnsFake(): Promise<SnsFake> {
  const state: SnsFake = { endpoint: '', topics: new Map(), asked: [], close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const action = form.get('Action');
      const topicArn = form.get('TopicArn') ?? '';
      if (action !== 'ListSubscriptionsByTopic') {
        return error(
          res,
          400,
          'InvalidAction',
          `the stand-in answers only ListSubscriptionsByTopic, not ${action}`,
        );
      }
      state.asked.push(topicArn);
      const subscriptions = state.topics.get(topicArn);
      if (subscriptions === undefined) return error(res, 404, 'NotFound', 'Topic does not exist');
      const members = subscriptions
        .map(
          (s) =>
            `<member><TopicArn>${xml(topicArn)}</TopicArn><Protocol>${xml(s.protocol)}</Protocol><SubscriptionArn>${xml(s.subscriptionArn)}</SubscriptionArn><Owner>123456789012</Owner><Endpoint>${xml(s.endpoint)}</Endpoint></member>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        `<ListSubscriptionsByTopicResponse xmlns="${NS}"><ListSubscriptionsByTopicResult><Subscriptions>${members}</Subscriptions></ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>sns-fake</RequestId></ResponseMetadata></ListSubscriptionsByTopicResponse>`,
      );
    });
  });
  const port = await listenOnLoopback(server);
  return Object.assign(state, { endpoint: `http://127.0.0.1:${port}`, close: () => closeServer(server) });
}

function error(res: import('node:http').ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>sns-fake</RequestId></ErrorResponse>`,
  );
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
