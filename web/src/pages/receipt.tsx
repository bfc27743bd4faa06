import type { SubmittedReport } from "@meldpunt/domain";
import { LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { brandOf, Layout } from "../layout";
import { R } from "../report-text";
import { fill, T } from "../text";

export const RECEIPT_SCRIPT_PATH = "/assets/receipt.js";

/** The receipt: for a reporter, or (`intakeDesk`) for staff who registered a report and pass the code on. */
export function ReceiptPage(props: { lang: Lang; report: SubmittedReport; intakeDesk?: string }) {
  const { lang, report, intakeDesk } = props;
  // An advice contact is a question to the vertrouwenspersoon, not a report: no Wbk deadlines are promised for it.
  const advice = report.kind === "advies";
  const title = advice ? R.adviceReceiptTitle : T.receiptTitle;
  return (
    <Layout lang={lang} title={tr(lang, title)} path="/melden" brand={brandOf(report.member)}>
      <h1 class="utrecht-heading-1">{tr(lang, title)}</h1>
      <div class="utrecht-alert utrecht-alert--warning" role="status">
        <p class="utrecht-paragraph">{tr(lang, intakeDesk ? R.intakeReceipt : T.receiptSave)}</p>
      </div>
      <h2 class="utrecht-heading-2" id="receipt-code-label">
        {tr(lang, T.receiptCodeLabel)}
      </h2>
      <p class="hub-receipt-code">
        <code class="utrecht-code" data-testid="receipt-code">
          {report.receiptCode}
        </code>
      </p>
      <p class="utrecht-paragraph">{tr(lang, T.receiptPrint)}</p>
      <p class="utrecht-paragraph">{tr(lang, R.receiptCopy)}</p>
      {/* Shown by /assets/receipt.js only: without script there is nothing to press, and the sentences above say how. */}
      <div class="hub-receipt-actions hub-no-print" data-receipt-actions hidden>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" data-copy>
          {tr(lang, R.copyCode)}
        </button>{" "}
        <button type="button" class="utrecht-button utrecht-button--secondary-action" data-print>
          {tr(lang, R.printPage)}
        </button>
        <p class="utrecht-paragraph" role="status" data-copy-status data-done={tr(lang, R.codeCopied)} data-failed={tr(lang, R.codeNotCopied)}></p>
      </div>

      <h2 class="utrecht-heading-2">{tr(lang, T.whereTitle)}</h2>
      <ul class="utrecht-unordered-list">
        {report.reasons.map((reason) => (
          <li class="utrecht-unordered-list__item">{tr(lang, reason)}</li>
        ))}
      </ul>

      <h2 class="utrecht-heading-2">{tr(lang, T.nextTitle)}</h2>
      <ul class="utrecht-unordered-list">
        {advice ? (
          <li class="utrecht-unordered-list__item">{fill(tr(lang, R.adviceAnswerBy), { date: formatDate(lang, report.ackDueAt) })}</li>
        ) : (
          <>
            <li class="utrecht-unordered-list__item">{fill(tr(lang, T.ackBy), { date: formatDate(lang, report.ackDueAt) })}</li>
            <li class="utrecht-unordered-list__item">{fill(tr(lang, T.feedbackBy), { date: formatDate(lang, report.feedbackDueAt) })}</li>
          </>
        )}
      </ul>
      <LinkParagraph href={href(lang, "/opvolgen")}>{tr(lang, T.followUpLink)}</LinkParagraph>

      {/* The browser itself holds the reporter back until the box is ticked: no script. The box has no name, so
          nothing about it, and certainly not the code, ends up in the URL of the start page. */}
      <form method="get" action={intakeDesk ? `/balie/${intakeDesk}` : "/"} class="hub-no-print">
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="saved" required />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="saved">
              {tr(lang, R.receiptSaved)}
            </label>
          </div>
        </div>
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, R.receiptDone)}
        </button>
      </form>
      <script src={RECEIPT_SCRIPT_PATH} defer></script>
    </Layout>
  );
}
