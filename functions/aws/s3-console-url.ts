/**
 * The AWS console page of one S3 object, for people who prefer clicking to
 * `aws s3 cp`. The console lives on a different domain in the China and
 * GovCloud partitions.
 */
export function s3ConsoleUrl(region: string, bucket: string, key: string): string {
  const query = new URLSearchParams({ region, bucketType: 'general', prefix: key });
  return `${consoleOrigin(region)}/s3/object/${encodeURIComponent(bucket)}?${query.toString()}`;
}

function consoleOrigin(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn';
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}
