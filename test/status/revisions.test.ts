import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../src/main/aws';
import { sandboxEnvironment } from '../../src/main/environments';
import { commitLookup, listImages, listRevisions } from '../../src/main/status';
import type { RunningSandbox } from '../../src/sandbox';
import { startTestSandbox } from '../sandbox/sandboxClients';
import { freeBudget } from './statusFixtures';

let sandbox: RunningSandbox;
let clients: AwsClients;

beforeAll(async () => {
  ({ sandbox } = await startTestSandbox());
  clients = createAwsClients(sandboxEnvironment(sandbox.endpoint));
});

afterAll(async () => {
  clients?.destroy();
  await sandbox?.close();
});

describe('revisions a service could be rolled back to', () => {
  it('lists the earlier revisions with the commit of the digest each one pins', async () => {
    const facts = sandbox.controls.facts();
    const environment = sandboxEnvironment(sandbox.endpoint);
    const commitOf = commitLookup(await listImages(clients, environment, freeBudget()));

    const revisions = await listRevisions(clients, 'web:7', commitOf, freeBudget());

    expect(revisions.map((revision) => revision.taskDefinition)).toEqual(['web:6']);
    expect(revisions[0].images).toEqual([
      {
        containerName: 'web',
        imageDigest: facts.previousImage.imageDigest,
        commitHash: facts.previousImage.commitHash,
        imageReference: `${facts.repositoryUri}@${facts.previousImage.imageDigest}`,
      },
    ]);
  });

  it('has nothing to offer for a first revision or a name without one', async () => {
    expect(await listRevisions(clients, 'web:1', () => null, freeBudget())).toEqual([]);
    expect(await listRevisions(clients, 'web', () => null, freeBudget())).toEqual([]);
  });
});
