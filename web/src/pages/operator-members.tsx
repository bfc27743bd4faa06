// The hub operator's overview: the member organisations and every desk with the members it serves. No case content.
import { type Desk, HUB_MEMBER_ID, type Member } from "@meldpunt/domain";
import { deskServes } from "@meldpunt/domain/staff";
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { memberName } from "../role-text";
import { DESK_TYPE_TEXT, KIND_TEXT, O } from "../staff-text";

export interface OperatorMembersProps {
  lang: Lang;
  members: Member[];
  desks: Desk[];
}

export function OperatorMembersPage(props: OperatorMembersProps) {
  const { lang, desks } = props;
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "nl");
  const members = props.members.filter((m) => m.id !== HUB_MEMBER_ID).sort(byName);
  const served = (desk: Desk) =>
    desk.type === "intake"
      ? tr(lang, O.servesEveryone)
      : members
          .filter((m) => deskServes(desk, m.id))
          .map((m) => m.name)
          .join(", ");
  return (
    <Layout tables lang={lang} title={tr(lang, O.membersTitle)} path="/beheer/organisaties">
      <h1 class="utrecht-heading-1">{tr(lang, O.membersTitle)}</h1>
      <p class="utrecht-paragraph">{tr(lang, O.membersIntro)}</p>
      <LinkParagraph href={href(lang, "/beheer/aansluiten")}>{tr(lang, O.onboardLink)}</LinkParagraph>
      <LinkParagraph href={href(lang, "/beheer/medewerkers")}>{tr(lang, O.staffLink)}</LinkParagraph>

      <table class="utrecht-table hub-table" data-testid="members">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.nameHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.kindHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.fteHeader)}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {members.map((member) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={href(lang, `/beheer/${member.id}`)}>
                  {member.name}
                </a>
              </th>
              <td class="utrecht-table__cell">{tr(lang, KIND_TEXT[member.kind])}</td>
              <td class="utrecht-table__cell">{member.fte}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="utrecht-heading-2">{tr(lang, O.desksTitle)}</h2>
      <table class="utrecht-table hub-table" data-testid="desks">
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.deskHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.kindHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.ownerHeader)}</th>
            <th class="utrecht-table__header-cell" scope="col">{tr(lang, O.servesHeader)}</th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {[...desks].sort(byName).map((desk) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">{desk.name}</th>
              <td class="utrecht-table__cell">{tr(lang, DESK_TYPE_TEXT[desk.type])}</td>
              <td class="utrecht-table__cell">{memberName(props, desk.owner)}</td>
              <td class="utrecht-table__cell">{served(desk)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
