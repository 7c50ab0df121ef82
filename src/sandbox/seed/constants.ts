/** The demo account's id. */
export const ACCOUNT = '123456789012';
/** The demo account's region. */
export const REGION = 'eu-west-1';
/** The demo cluster. */
export const CLUSTER = 'demo-cluster';
/** The ECR repository the services' images come from. */
export const REPOSITORY = 'demo/web';
/** The URI images are pulled from, `…/demo/web@sha256:…`. */
export const REPOSITORY_URI = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${REPOSITORY}`;
/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;
