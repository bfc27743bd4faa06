// A table of the staff pages (NL Design System table): column headers with their scope, and the rows the page gives.
import type { Label } from "@meldpunt/domain";
import type { Child } from "hono/jsx";
import { type Lang, tr } from "./i18n";

export function DataTable(props: { lang: Lang; headers: readonly Label[]; testId?: string; children: Child }) {
  return (
    <table class="utrecht-table hub-table" data-testid={props.testId}>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {props.headers.map((h) => (
            <th class="utrecht-table__header-cell" scope="col">
              {tr(props.lang, h)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">{props.children}</tbody>
    </table>
  );
}
