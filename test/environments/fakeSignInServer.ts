// A loopback stand-in for the AWS endpoints a sign-in uses and the sandbox
// does not serve: STS AssumeRole (Query), IAM Identity Center OIDC and the
// SSO portal (REST-JSON), and STS GetCallerIdentity for the role it handed out.
// Spawned servers reach it through AWS_ENDPOINT_URL_STS / _SSO / _SSO_OIDC.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The role every sign-in ends in, as GetCallerIdentity reports it. */
export const SIGNED_IN_ARN = 'arn:aws:sts::123456789012:assumed-role/OpsdeskOperator/alice';

/** What the fake saw and how the test plays the user confirming in a browser. */
export interface FakeSignInServer {
  endpoint: string;
  /** TokenCode values AssumeRole received. */
  mfaCodes: string[];
  /** The user code shown on the verification page. */
  userCode: string;
  /** Plays the user allowing access on the verification page. */
  confirmDeviceLogin(): void;
  close(): Promise<void>;
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Starts the fake on a free loopback port. */
export async function startFakeSignInServer(): Promise<FakeSignInServer> {
  const mfaCodes: string[] = [];
  let confirmed = false;

  const server = createServer((request, response) => {
    void body(request).then((text) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method === 'POST' && url.pathname === '/' && text.includes('Action=')) {
        return sts(new URLSearchParams(text), response, mfaCodes);
      }
      if (url.pathname === '/client/register') {
        return json(response, 200, {
          clientId: 'client-1',
          clientSecret: 'secret-1',
          clientSecretExpiresAt: Math.floor(Date.now() / 1000) + 86_400,
        });
      }
      if (url.pathname === '/device_authorization') {
        return json(response, 200, {
          deviceCode: 'device-1',
          userCode: 'WDKQ-TRLP',
          verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
          verificationUriComplete:
            'https://device.sso.eu-west-1.amazonaws.com/?user_code=WDKQ-TRLP',
          expiresIn: 600,
          interval: 1,
        });
      }
      if (url.pathname === '/token') {
        if (!confirmed) {
          response.setHeader('x-amzn-errortype', 'AuthorizationPendingException');
          return json(response, 400, { error: 'authorization_pending' });
        }
        return json(response, 200, {
          accessToken: 'sso-token',
          tokenType: 'Bearer',
          expiresIn: 3600,
        });
      }
      if (url.pathname === '/federation/credentials') {
        return json(response, 200, {
          roleCredentials: {
            accessKeyId: 'ASIASSO',
            secretAccessKey: 'sso-secret',
            sessionToken: 'sso-session',
            expiration: Date.now() + 3_600_000,
          },
        });
      }
      json(response, 404, { message: `the fake does not serve ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    mfaCodes,
    userCode: 'WDKQ-TRLP',
    confirmDeviceLogin: () => {
      confirmed = true;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sts(params: URLSearchParams, response: ServerResponse, mfaCodes: string[]): void {
  const action = params.get('Action');
  if (action === 'AssumeRole') {
    mfaCodes.push(params.get('TokenCode') ?? '');
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    return xml(
      response,
      `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult><Credentials>` +
        '<AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>' +
        `<SessionToken>role-session</SessionToken><Expiration>${expiration}</Expiration>` +
        `</Credentials><AssumedRoleUser><Arn>${SIGNED_IN_ARN}</Arn>` +
        '<AssumedRoleId>AROAEXAMPLE:alice</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>' +
        '<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
  }
  xml(
    response,
    `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult>` +
      `<Arn>${SIGNED_IN_ARN}</Arn><UserId>AROAEXAMPLE:alice</UserId>` +
      '<Account>123456789012</Account></GetCallerIdentityResult>' +
      '<ResponseMetadata><RequestId>2</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
  );
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
  });
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

function xml(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'Content-Type': 'text/xml' }).end(text);
}
