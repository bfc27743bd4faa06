// Where a report goes and why. This first version knows three rules (unknown organisation, whistleblower, the
// member's integrity desk); the full, configurable routing of DESIGN §2 replaces the body, not the shape.
import type { CaseKind, Desk, Member } from "./model";
import { HUB_MEMBER_ID } from "./report";
import type { CategoryCode, Label, Track } from "./taxonomy";

export interface Route {
  desk: Desk;
  track: Track;
  kind: CaseKind;
  /** Short sentences shown to the reporter after submitting and to staff on the case. */
  reasons: Label[];
}

export function routeReport(input: { member: Member; desk: Desk; category: CategoryCode }): Route {
  const { member, desk, category } = input;
  const reasons: Label[] = [];
  if (member.id === HUB_MEMBER_ID) {
    reasons.push({
      nl: "U wist niet bij welke organisatie dit hoort. De regionale intake zoekt dat uit en stuurt uw melding door.",
      en: "You did not know which organisation this concerns. Regional intake finds out and forwards your report.",
    });
  } else if (desk.owner !== member.id) {
    reasons.push({
      nl: `${member.name} laat integriteitsmeldingen behandelen door ${desk.name}.`,
      en: `${member.name} has integrity reports handled by ${desk.name}.`,
    });
  } else {
    reasons.push({
      nl: `Meldingen over integriteit bij ${member.name} gaan naar ${desk.name}.`,
      en: `Integrity reports about ${member.name} go to ${desk.name}.`,
    });
  }
  const track: Track = category === "misstand" ? "wbk" : "ambtelijk";
  if (track === "wbk") {
    reasons.push({
      nl: "U meldt een vermoeden van een maatschappelijke misstand. Dat behandelen we volgens de Wet bescherming klokkenluiders. U kunt ook terecht bij het Huis voor Klokkenluiders.",
      en: "You report a suspected wrongdoing in the public interest. It is handled under the Whistleblower Protection Act. You can also turn to the Whistleblowers Authority (Huis voor Klokkenluiders).",
    });
  }
  return { desk, track, kind: "melding", reasons };
}
