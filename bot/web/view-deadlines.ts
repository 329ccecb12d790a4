import { type AnswerDeadline, type DeadlineList, listDeadlines } from "./api";
import { type DocumentsById, loadDocumentsById } from "./citation-parts";
import { byDueDate, deadlineTable } from "./deadline-table";
import { element, replaceChildren } from "./dom";
import { displayDate } from "./format";
import { strings } from "./i18n";
import { errorNotice, loadingNotice } from "./notices";
import { type DeadlineFilters, hrefOf, type Route } from "./router";
import { latestOnly, type View } from "./view";

/**
 * Every deadline the reports set, filtered by period, responsible body and status. The whole list is
 * small (hundreds of rows), so it is loaded once and filtered here, instantly, as the reader changes a
 * control; the filters are kept in the URL so a filtered view can be shared.
 */
const NO_BODY = "-";
const STATUSES = ["upcoming", "due-this-month", "past-due"] as const;

function quarterOf(dueDate: string): string {
  const month = Number(dueDate.slice(5, 7));
  return `${dueDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

function inPeriod(dueDate: string, period: string): boolean {
  if (!period) return true;
  return period.includes("-Q") ? quarterOf(dueDate) === period : dueDate.startsWith(period);
}

function matches(deadline: AnswerDeadline, filters: DeadlineFilters): boolean {
  if (!inPeriod(deadline.dueDate, filters.period)) return false;
  if (filters.body === NO_BODY ? deadline.body !== undefined : filters.body && deadline.body !== filters.body)
    return false;
  return !filters.status || deadline.status === filters.status;
}

function option(value: string, label: string, selected: string): HTMLOptionElement {
  return element("option", { value, selected: value === selected }, label);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort((left, right) => left.localeCompare(right, "vi"));
}

function periodOptions(deadlines: AnswerDeadline[], selected: string): Node[] {
  const words = strings();
  const quarters = unique(deadlines.map((deadline) => quarterOf(deadline.dueDate)));
  const months = unique(deadlines.map((deadline) => deadline.dueDate.slice(0, 7)));
  return [
    option("", words.allPeriods, selected),
    element(
      "optgroup",
      { label: words.byQuarter },
      ...quarters.map((quarter) =>
        option(quarter, words.quarterName(Number(quarter.slice(-1)), quarter.slice(0, 4)), selected),
      ),
    ),
    element(
      "optgroup",
      { label: words.byMonth },
      ...months.map((month) =>
        option(month, words.monthName(month.slice(5, 7), month.slice(0, 4)), selected),
      ),
    ),
  ];
}

function bodyOptions(deadlines: AnswerDeadline[], selected: string): Node[] {
  const words = strings();
  const bodies = unique(deadlines.flatMap((deadline) => (deadline.body ? [deadline.body] : [])));
  const anyWithoutBody = deadlines.some((deadline) => deadline.body === undefined);
  return [
    option("", words.allBodies, selected),
    ...bodies.map((body) => option(body, body, selected)),
    ...(anyWithoutBody ? [option(NO_BODY, words.noBody, selected)] : []),
  ];
}

function statusOptions(selected: string): Node[] {
  const words = strings();
  return [
    option("", words.allStatuses, selected),
    ...STATUSES.map((status) => option(status, words.status[status], selected)),
  ];
}

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return element("div", { class: "filter" }, element("label", { for: id }, label), control);
}

export function createDeadlinesView(): View {
  const words = strings();
  const heading = element("h2", { id: "deadlines-heading", tabindex: "-1" }, words.deadlinesHeading);
  const body = element("div", { class: "deadlines-body" }, loadingNotice());
  const root = element(
    "section",
    { class: "view view-deadlines", "aria-labelledby": "deadlines-heading" },
    heading,
    body,
  );
  const isCurrent = latestOnly();
  let loaded: { list: DeadlineList; documents: DocumentsById } | undefined;
  let controls: { period: HTMLSelectElement; body: HTMLSelectElement; status: HTMLSelectElement } | undefined;
  const summary = element("p", { class: "summary", role: "status" });
  const results = element("div", { class: "table-wrap" });

  function currentFilters(): DeadlineFilters {
    return {
      period: controls?.period.value ?? "",
      body: controls?.body.value ?? "",
      status: controls?.status.value ?? "",
    };
  }

  function showRows(filters: DeadlineFilters): void {
    if (!loaded) return;
    const { list, documents } = loaded;
    const rows = list.deadlines.filter((deadline) => matches(deadline, filters)).sort(byDueDate);
    replaceChildren(
      summary,
      `${strings().today}: `,
      element("time", { datetime: list.today }, displayDate(list.today)),
      ` · ${strings().deadlineCount(rows.length, list.deadlines.length)}`,
    );
    replaceChildren(
      results,
      rows.length > 0
        ? deadlineTable(rows, list.citations, documents)
        : element("p", { class: "notice" }, strings().noDeadlines),
    );
  }

  /** Filters change the URL in place: the back button leaves the view instead of undoing each choice. */
  function onFilterChange(): void {
    const filters = currentFilters();
    history.replaceState(null, "", hrefOf({ view: "deadlines", ...filters }));
    showRows(filters);
  }

  function buildControls(list: DeadlineList, filters: DeadlineFilters): HTMLElement {
    const period = element("select", {}, ...periodOptions(list.deadlines, filters.period));
    const responsible = element("select", {}, ...bodyOptions(list.deadlines, filters.body));
    const status = element("select", {}, ...statusOptions(filters.status));
    controls = { period, body: responsible, status };
    for (const control of [period, responsible, status]) control.addEventListener("change", onFilterChange);
    const reset = element("button", { type: "button", class: "secondary" }, strings().resetFilters);
    reset.addEventListener("click", () => {
      for (const control of [period, responsible, status]) control.value = "";
      onFilterChange();
    });
    return element(
      "div",
      {
        class: "filters",
        role: "group",
        "aria-label": strings().filtersLabel,
      },
      labelled("filter-period", strings().filterPeriod, period),
      labelled("filter-body", strings().filterBody, responsible),
      labelled("filter-status", strings().filterStatus, status),
      element("div", { class: "filter filter-reset" }, reset),
    );
  }

  async function load(filters: DeadlineFilters): Promise<void> {
    const stillCurrent = isCurrent();
    try {
      const [list, documents] = await Promise.all([listDeadlines(), loadDocumentsById()]);
      if (!stillCurrent()) return;
      loaded = { list, documents };
      replaceChildren(body, buildControls(list, filters), summary, results);
      showRows(filters);
    } catch (error) {
      if (stillCurrent()) replaceChildren(body, errorNotice(error));
    }
  }

  return {
    root,
    heading,
    update(route: Route) {
      if (route.view !== "deadlines") return;
      const filters = { period: route.period, body: route.body, status: route.status };
      if (!loaded || !controls) {
        void load(filters);
        return;
      }
      controls.period.value = filters.period;
      controls.body.value = filters.body;
      controls.status.value = filters.status;
      showRows(currentFilters());
    },
  };
}
