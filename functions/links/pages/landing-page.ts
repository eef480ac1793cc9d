import { escapeHtml } from '#email/escape-html.js';
import { htmlPage } from './page-layout.js';

/** Everything the landing page shows, already formatted for reading. */
export interface LandingView {
  /** "October 2026" */
  readonly periodLabel: string;
  /** "1 Oct 2026 – 31 Oct 2026, UTC" */
  readonly periodDetail?: string | undefined;
  /** What changes how the figures must be read: a filtered report, demo data. */
  readonly notices?: readonly string[] | undefined;
  /** `detail`: what the value is made of, in small type under it (Posted: usage + true-ups + shared products). */
  readonly figures: readonly { readonly label: string; readonly value: string; readonly detail?: string }[];
  /** The largest orgs by cost, at most a handful. */
  readonly orgs: readonly { readonly name: string; readonly acus: string; readonly cost: string }[];
  readonly moreOrgs: number;
  readonly fileName: string;
  /** "Excel workbook, 84 KB" */
  readonly fileDetail: string;
  readonly downloadHref: string;
  /** "This link works until 31 December 2026, 06:00 UTC." */
  readonly expiry: string;
  readonly generated?: string | undefined;
  /** The ERP journal files stored beside the workbook, by name; finance takes them from the report's folder. */
  readonly journalFiles?: readonly string[] | undefined;
}

export function landingPage(view: LandingView): string {
  const e = escapeHtml;
  const figures = view.figures
    .map(
      (f) =>
        `<div><dt>${e(f.label)}</dt><dd>${e(f.value)}${f.detail === undefined ? '' : `<span class="detail">${e(f.detail)}</span>`}</dd></div>`,
    )
    .join('');
  const orgs =
    view.orgs.length === 0
      ? ''
      : `<h2>Largest orgs</h2>
<table><thead><tr><th scope="col">Org</th><th scope="col" class="num">Cost</th><th scope="col" class="num">ACUs</th></tr></thead><tbody>
${view.orgs.map((o) => `<tr><td>${e(o.name)}</td><td class="num">${e(o.cost)}</td><td class="num">${e(o.acus)}</td></tr>`).join('\n')}
</tbody></table>${view.moreOrgs > 0 ? `<p class="more">and ${view.moreOrgs} more in the workbook</p>` : ''}`;
  return htmlPage({
    title: `Devin ACU chargeback — ${view.periodLabel}`,
    body: `<div class="card">
<p class="eyebrow">Devin ACU chargeback</p>
<h1>${e(view.periodLabel)}</h1>
${view.periodDetail ? `<p class="sub">${e(view.periodDetail)}</p>` : ''}
${(view.notices ?? []).map((n) => `<p class="notice">${e(n)}</p>`).join('\n')}
${figures === '' ? '' : `<dl class="figures">${figures}</dl>`}
<a class="button" href="${e(view.downloadHref)}">Download the workbook</a>
<p class="file">${e(view.fileName)}<br>${e(view.fileDetail)}</p>
${orgs}
${(view.journalFiles ?? []).length === 0 ? '' : `<h2>ERP journals</h2>\n<p class="note">Stored beside the workbook, ready to import:</p>\n<ul>${(view.journalFiles ?? []).map((f) => `<li><code>${e(f)}</code></li>`).join('')}</ul>`}
<p class="note">${e(view.expiry)}</p>
${view.generated ? `<p class="note">${e(view.generated)}</p>` : ''}
</div>
<footer>The workbook opens in Excel, LibreOffice or Numbers.</footer>`,
  });
}
