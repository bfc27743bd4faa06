// Forwarding a case to another desk: the case's data (no content) and a form for the desk, the member and the reason.
import { type CaseSummary, type Desk, type Member, TAXONOMY } from "@meldpunt/domain";
import { MAX_TRANSFER_REASON } from "@meldpunt/domain/staff";
import { ErrorSummary, type Errors, Field, fieldAria, LinkParagraph } from "../form";
import { formatDate, href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { D } from "../desk-text";
import { T } from "../text";

export interface ForwardCaseProps {
  lang: Lang;
  desk: Desk;
  record: CaseSummary;
  desks: Desk[];
  members: Pick<Member, "id" | "name" | "kind">[];
  csrf: string;
  values?: { toDesk?: string; toMember?: string; reason?: string };
  errors?: Errors;
}

export function ForwardCasePage(props: ForwardCaseProps) {
  const { lang, desk, record } = props;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const memberName = (id: string) => props.members.find((m) => m.id === id)?.name ?? id;
  const path = `/balie/${desk.id}/${record.member}/${record.id}/doorsturen`;
  return (
    <Layout lang={lang} title={tr(lang, D.forwardTitle)} path={path} hasErrors={Object.keys(errors).length > 0}>
      <h1 class="utrecht-heading-1">{tr(lang, D.forwardTitle)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <dl class="utrecht-data-list">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{tr(lang, D.receivedHeader)}</dt>
          <dd class="utrecht-data-list__item-value">{formatDate(lang, record.receivedAt)}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{tr(lang, D.memberHeader)}</dt>
          <dd class="utrecht-data-list__item-value">{memberName(record.member)}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{tr(lang, D.subjectHeader)}</dt>
          <dd class="utrecht-data-list__item-value">{record.categories.map((code) => tr(lang, TAXONOMY[code].label)).join(", ")}</dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">{tr(lang, D.forwardIntro)}</p>
      <form method="post" action={href(lang, path)} novalidate>
        <input type="hidden" name="csrf" value={props.csrf} />
        <Field field="toDesk" label={tr(lang, D.toDeskLabel)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="toDesk" name="toDesk" required {...fieldAria("toDesk", errors, false)}>
            <option value="">{tr(lang, T.memberPlaceholder)}</option>
            {props.desks
              .filter((d) => d.id !== desk.id)
              .map((d) => (
                <option value={d.id} selected={values.toDesk === d.id}>
                  {d.name}
                </option>
              ))}
          </select>
        </Field>
        <Field field="toMember" label={tr(lang, D.toMemberLabel)} errors={errors}>
          <select class="utrecht-select utrecht-select--html-select" id="toMember" name="toMember" {...fieldAria("toMember", errors, false)}>
            <option value="">{tr(lang, D.toMemberSame)}</option>
            {props.members
              .filter((m) => m.kind !== "regio")
              .map((m) => (
                <option value={m.id} selected={values.toMember === m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </Field>
        <Field field="reason" label={tr(lang, D.reasonLabel)} hint={tr(lang, D.reasonHint)} errors={errors}>
          <textarea class="utrecht-textarea hub-textarea" id="reason" name="reason" rows={4} maxlength={MAX_TRANSFER_REASON} required {...fieldAria("reason", errors, true)}>
            {values.reason ?? ""}
          </textarea>
        </Field>
        <button type="submit" class="utrecht-button utrecht-button--primary-action">
          {tr(lang, D.forwardButton)}
        </button>
      </form>
      <LinkParagraph href={href(lang, `/balie/${desk.id}`)}>{tr(lang, T.backToQueue)}</LinkParagraph>
    </Layout>
  );
}
