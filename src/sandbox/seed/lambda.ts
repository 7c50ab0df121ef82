import { createRandom, hashSeed } from '../random';
import type { LambdaFunction } from '../state';
import { ACCOUNT, REGION } from './constants';

/** A workflow function's configuration, in the wire shape of GetFunction. */
export function lambdaFunction(name: string, description: string, timeout: number): LambdaFunction {
  const hash = createRandom(hashSeed(name));
  return {
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`,
    Runtime: 'nodejs20.x',
    Role: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    Handler: 'index.handler',
    CodeSize: 18_000 + hash.int(0, 9000),
    Description: description,
    Timeout: timeout,
    MemorySize: 512,
    LastModified: '2026-10-14T09:21:07.000+0000',
    CodeSha256: Buffer.from(hash.hex(64), 'hex').toString('base64'),
    Version: '$LATEST',
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['arm64'],
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
}
