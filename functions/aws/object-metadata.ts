/**
 * S3 user metadata travels as `x-amz-meta-*` HTTP headers: S3 lower-cases the
 * names, mangles non-ASCII values and caps the whole set at 2 KB. Checking
 * before the upload turns a surprise at read time into a clear error now.
 */
const METADATA_LIMIT_BYTES = 2048;
const NAME = /^[a-z0-9][a-z0-9_-]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The reason the metadata cannot be stored as given, or undefined when it can. */
export function objectMetadataProblem(metadata: Readonly<Record<string, string>>): string | undefined {
  let bytes = 0;
  for (const [name, value] of Object.entries(metadata)) {
    if (!NAME.test(name))
      return `metadata name ${JSON.stringify(name)} must be lower-case letters, digits, - or _`;
    if (!PRINTABLE_ASCII.test(value)) return `metadata ${name} must be printable ASCII`;
    bytes += name.length + value.length;
  }
  if (bytes > METADATA_LIMIT_BYTES) return `metadata is ${bytes} bytes; S3 allows ${METADATA_LIMIT_BYTES}`;
  return undefined;
}
