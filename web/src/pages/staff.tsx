// The first staff page: who is logged in and what they may do, from the hub's own records. No case content.
import { type Desk, HUB_MEMBER_ID, type Member } from "@meldpunt/domain";
import { ACTION_NAMES, ACTIONS, type Grant, type Staff } from "@meldpunt/domain/staff";
import { LinkParagraph } from "../form";
import { href, type Lang, tr } from "../i18n";
import { Layout } from "../layout";
import { L } from "../library-text";
import { deskServesText, memberName, roleText } from "../role-text";
import { DEMO_POST, O, S } from "../staff-text";
import { B, R } from "../stats-text";
import { fill } from "../text";

export interface StaffPageProps {
  lang: Lang;
  staff: Staff;
  members: Pick<Member, "id" | "name">[];
  desks: Pick<Desk, "id" | "name" | "type" | "serves">[];
  grants: Grant[];
  /** The session's CSRF token, posted back by the logout form. */
  csrf: string;
  /** The embedded default's outgoing mail is readable at /demo/post (local runner only). */
  demoMail?: boolean;
}

export function StaffPage(props: StaffPageProps) {
  const { lang, staff, grants } = props;

  /** Where one action is granted, in words: desks with the members they serve, members, or the whole region. */
  const whereText = (mine: Grant[]) => {
    const byDesk = new Map<string, string[]>();
    const members: string[] = [];
    let region = false;
    for (const { scope } of mine) {
      if (scope.desk && scope.member) byDesk.set(scope.desk, [...(byDesk.get(scope.desk) ?? []), scope.member]);
      else if (scope.member) members.push(memberName(props, scope.member));
      else region = true;
    }
    return [...[...byDesk].map(([desk, ms]) => deskServesText(lang, props, desk, ms)), ...(members.length ? [members.join(", ")] : []), ...(region ? [tr(lang, S.wholeRegion)] : [])].join("; ");
  };

  const queues = [...new Set(grants.filter((g) => g.action === "read-queue" && g.scope.desk).map((g) => g.scope.desk as string))];
  // The hub's own tenant is set up by onboarding, not on a settings page.
  const configurable = grants.filter((g) => g.action === "view-member-config" && g.scope.member && g.scope.member !== HUB_MEMBER_ID).map((g) => g.scope.member as string);
  const granted = ACTION_NAMES.map((action) => ({ action, mine: grants.filter((g) => g.action === action) })).filter(({ mine }) => mine.length > 0);

  return (
    <Layout lang={lang} title={tr(lang, S.staffTitle)} path="/medewerker">
      <h1 class="utrecht-heading-1">{tr(lang, S.staffTitle)}</h1>
      <p class="utrecht-paragraph" data-testid="staff-name">
        {fill(tr(lang, S.signedInAs), { name: staff.name })}
      </p>
      <dl class="utrecht-data-list">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{tr(lang, S.emailLabel)}</dt>
          <dd class="utrecht-data-list__item-value">{staff.email}</dd>
        </div>
      </dl>

      <h2 class="utrecht-heading-2">{tr(lang, S.rolesTitle)}</h2>
      {staff.roles.length === 0 ? (
        <p class="utrecht-paragraph">{tr(lang, S.noRoles)}</p>
      ) : (
        <ul class="utrecht-unordered-list" data-testid="staff-roles">
          {staff.roles.map((role) => (
            <li class="utrecht-unordered-list__item">{roleText(lang, props, role)}</li>
          ))}
        </ul>
      )}

      {granted.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{tr(lang, S.mayTitle)}</h2>
          <ul class="utrecht-unordered-list" data-testid="staff-grants">
            {granted.map(({ action, mine }) => (
              <li class="utrecht-unordered-list__item">
                {tr(lang, ACTIONS[action].label)}: {whereText(mine)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {grants.some((g) => g.action === "read-case-content") ? null : <p class="utrecht-paragraph">{tr(lang, S.noCaseContent)}</p>}
      {queues.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{tr(lang, S.queuesTitle)}</h2>
          <ul class="utrecht-unordered-list" data-testid="staff-queues">
            {queues.map((desk) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={href(lang, `/balie/${desk}`)}>
                  {props.desks.find((d) => d.id === desk)?.name ?? desk}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {configurable.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{tr(lang, S.settingsTitle)}</h2>
          <ul class="utrecht-unordered-list" data-testid="staff-settings">
            {configurable.map((member) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={href(lang, `/beheer/${member}`)}>
                  {memberName(props, member)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {grants.some((g) => g.action === "view-board-dashboard") ? <LinkParagraph href={href(lang, "/bestuur")}>{tr(lang, B.staffLink)}</LinkParagraph> : null}
      {grants
        .filter((g) => g.action === "view-member-report" && g.scope.member)
        .map(({ scope }) => (
          <LinkParagraph href={href(lang, `/beheer/${scope.member}/verslag`)}>{fill(tr(lang, R.staffLink), { member: memberName(props, scope.member as string) })}</LinkParagraph>
        ))}
      {grants.some((g) => g.action === "read-library") ? (
        <LinkParagraph href={href(lang, "/bibliotheek")}>{tr(lang, L.libraryLink)}</LinkParagraph>
      ) : null}
      {grants.some((g) => g.action === "onboard-member") ? <LinkParagraph href={href(lang, "/beheer/organisaties")}>{tr(lang, O.operatorLink)}</LinkParagraph> : null}
      {props.demoMail ? <LinkParagraph href={href(lang, "/demo/post")}>{tr(lang, DEMO_POST.link)}</LinkParagraph> : null}

      <form method="post" action={href(lang, "/uitloggen")}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit" class="utrecht-button utrecht-button--secondary-action">
          {tr(lang, S.logout)}
        </button>
      </form>
    </Layout>
  );
}
