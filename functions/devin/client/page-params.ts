/** The largest page the vendor allows; fewer, larger pages mean fewer chances to fail. */
export const PAGE_LIMIT = 200;

/** The query of one page: the read's parameters plus its offset. */
export function pageParams(params: URLSearchParams, skip: number): URLSearchParams {
  const page = new URLSearchParams(params);
  page.set('skip', String(skip));
  return page;
}
